using System.Text;
using System.Text.Json;
using Recruitment.Examination.Features.Imports;
using Wolverine;

namespace Recruitment.Examination.Tests;

/// <summary>Rostered candidates (through the module's input contract) and an integration job with an API key.</summary>
internal static class Candidates
{
    public static async Task<(Guid Id, string IdNumber)> RosteredAsync(RecruitmentApp app, string baseCode = "B01", Track track = Track.RESIDENCY,
        Guid? applicantId = null)
    {
        var id = Guid.NewGuid();
        var idNumber = TestIds.NewResidentId();
        await app.Service<IMessageBus>().InvokeAsync(new CandidateEligibleForExams(id, applicantId, 2024, track, baseCode,
            track == Track.RESIDENCY ? "GP" : "AGP", null, idNumber, "测试", "INDEPENDENT", false, DateTimeOffset.UtcNow));
        return (id, idNumber);
    }

    public static object Row(string idNumber, string baseCode = "B01", object? theory = null, object? interview = null, string result = "PASS",
        string track = "RESIDENCY", object? skill = null, string[]? absent = null, string? examDate = null) => new
        {
            cycleYear = 2024,
            track,
            baseCode,
            idNumber,
            theoryScore = theory ?? 80,
            skillScore = skill,
            interviewScore = interview ?? 70,
            assessmentResult = result,
            absentComponents = absent,
            examDate,
        };

    public static Task<HttpResponseMessage> ImportAsync(this HttpClient job, params object[] rows) =>
        job.PostAsJsonAsync("/api/examination/score-imports", new { sourceSystem = "test", rows });

    public static Task<HttpResponseMessage> ImportCsvAsync(this HttpClient job, string csv) =>
        job.PostAsync("/api/examination/score-imports", new StringContent(csv, Encoding.UTF8, "text/csv"));

    public static IEnumerable<(int Row, string Status, string? Reason, bool Late)> Results(this JsonElement batch) =>
        batch.GetProperty("rows").GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("rowNumber").GetInt32(),
            r.GetProperty("status").GetString()!, r.GetProperty("reason").GetString(), r.GetProperty("late").GetBoolean()));

    public static async Task<RosterEntry> EntryAsync(RecruitmentApp app, Guid id)
    {
        await using var session = app.Service<IExaminationStore>().QuerySession();
        return (await session.LoadAsync<RosterEntry>(id)).ShouldNotBeNull();
    }
}
