using Marten;
using Recruitment.Enrollment.Contracts;
using static Recruitment.Enrollment.Tests.Applicants;

namespace Recruitment.Enrollment.Tests;

/// <summary>
/// Admission tests start from examined candidates. Each test gets its own cycle (a copy of 2024 under a
/// fresh year, so quota cells are its own) and seeds candidates by appending the events that the earlier
/// stages write: submitted, approved, confirmed, examined.
/// </summary>
internal static class Cohorts
{
    private static int _year = 2200 + Random.Shared.Next(0, 5000);

    public static async Task<int> NewCycleAsync(RecruitmentApp app)
    {
        var year = Interlocked.Increment(ref _year);
        var shipped = ReferenceDataLoader.ReadShipped(2024);
        await app.Service<IMessageBus>().InvokeAsync(shipped with { DefinitionJson = shipped.DefinitionJson.Replace("\"year\": 2024", $"\"year\": {year}", StringComparison.Ordinal) });
        return year;
    }

    public static async Task<Guid> ExaminedAsync(RecruitmentApp app, int year, string baseCode, string specialty, decimal total, bool passed = true,
        Category category = Category.INDEPENDENT, Track track = Track.RESIDENCY, decimal? interview = null, Guid? applicantId = null,
        bool exemptionRequested = false, string? otherSpecialty = null, string name = "候选人", bool published = true,
        bool absent = false)
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2024, 6, 20, 9, 0, 0, TimeSpan.FromHours(8));
        var choice = (category == Category.INDEPENDENT ? Independent(baseCode, specialty) : Sponsored(baseCode, specialty))
            with
        { OtherSpecialty = otherSpecialty, RequestsExemption = exemptionRequested };
        var assessment = absent ? "ABSENT" : passed ? "PASS" : "FAIL";
        var result = new ExamResult(total * 0.6m, null, total * 0.4m, assessment, total * 0.6m, interview ?? total * 0.4m, total, passed && !absent,
            absent, 1);
        await using var session = app.Service<IEnrollmentStore>().LightweightSession();
        IApplicationEvent first = track == Track.RESIDENCY
            ? new ApplicationSubmitted(year, applicantId ?? Guid.NewGuid(), TestIds.NewResidentId(), name, "13900000000", choice, Profile(), [], "seed", at)
            : new AssistantGpRegistered(year, baseCode, TestIds.NewResidentId(), name, "13900000000", AgpForm(category), [], "seed", at);
        var events = new List<IApplicationEvent> { first, new ApplicationApproved(null, "seed", at) };
        if (track == Track.RESIDENCY) events.Add(new OnsiteConfirmed(exemptionRequested, "seed", at.AddDays(12)));
        if (published) events.Add(new ExamResultRecorded(result, "seed", at.AddDays(35))); // unpublished: still CONFIRMED (EXAM-15)
        session.Events.StartStream<Application>(id, events.Cast<object>().ToArray());
        await session.SaveChangesAsync();
        return id;
    }

    private static AssistantGpForm AgpForm(Category category) =>
        new(Gender.MALE, "Han", "2003-04", null, null, null, null, null, null, "Nong'an", null, null,
            [new AssistantGpEducation(EducationLevel.JUNIOR_COLLEGE, EducationMode.FULL_TIME, "Jilin Medical College", "Clinical Medicine",
                new DateOnly(2021, 9, 1), new DateOnly(2024, 6, 30))],
            [], null, category, category == Category.SPONSORED ? "Township Health Centre" : null, true, category == Category.SPONSORED, null, false, true, true);

    public static async Task<Application> LoadAsync(RecruitmentApp app, Guid id)
    {
        await using var session = app.Service<IEnrollmentStore>().QuerySession();
        return (await session.LoadAsync<Application>(id))!;
    }
}
