using System.Net;

namespace Recruitment.Examination.Tests;

/// <summary>The public exam timetable (ENR-07, EXAM-02, EXAM-03, EXAM-05).</summary>
[Collection(ExaminationCollection.Name)]
public sealed class ExamSessionTests(RecruitmentApp app)
{
    private const string Route = "/api/examination/cycles/2024/sessions";

    private static object Session(string track, string kind, string? baseCode, string start = "2024-07-20T09:00:00+08:00") =>
        new { track, kind, baseCode, start, end = "2024-07-20T11:00:00+08:00", place = "Exam hall" };

    [Fact]
    public async Task The_center_publishes_the_written_exam_bases_their_interviews_and_B07_the_assistant_GP_sittings()
    {
        using var center = await app.SignedInAsync("t-center");
        using var b01 = await app.SignedInAsync("t-b01");
        using var b07 = await app.SignedInAsync("t-b07");
        (await center.PostAsJsonAsync(Route, Session("RESIDENCY", "WRITTEN", null))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await b01.PostAsJsonAsync(Route, Session("RESIDENCY", "WRITTEN", null))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "session.center_only");
        (await b01.PostAsJsonAsync(Route, Session("RESIDENCY", "INTERVIEW", "B01"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await b01.PostAsJsonAsync(Route, Session("RESIDENCY", "INTERVIEW", "B02"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        await (await b01.PostAsJsonAsync(Route, Session("ASSISTANT_GP", "WRITTEN", "B01"))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "session.invalid_base");
        (await b07.PostAsJsonAsync(Route, Session("ASSISTANT_GP", "WRITTEN", "B07"))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await b01.PostAsJsonAsync(Route, new
        {
            track = "RESIDENCY",
            kind = "INTERVIEW",
            baseCode = "B01",
            start = "2024-08-17T09:00:00+08:00",
            end = "2024-08-17T10:00:00+08:00",
            place = "Hall"
        })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "session.after_interview_deadline");

        using var anonymous = app.Anonymous();
        var sessions = await (await anonymous.GetAsync(Route)).JsonAsync();
        sessions.GetArrayLength().ShouldBeGreaterThanOrEqualTo(3);
    }
}
