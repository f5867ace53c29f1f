using static Recruitment.AdvancedFellowship.Tests.Fellows;

namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>Cycles of the 2024-2026 programme and their position tables (FEL-01, FEL-10, FEL-17).</summary>
[Collection(FellowshipCollection.Name)]
public sealed class CycleTests(FellowshipApp app)
{
    [Fact]
    public async Task The_2024_cycle_and_table_are_public_FEL_01()
    {
        using var anonymous = app.Anonymous();
        var cycle = await (await anonymous.GetAsync($"{Api}/cycles/2024")).JsonAsync();
        cycle.GetProperty("totalQuota").GetInt32().ShouldBe(15);
        cycle.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        cycle.GetProperty("updatedBy").GetString().ShouldBe("reference-data");
        cycle.GetProperty("mentorMinimumTitle").GetString().ShouldBe("ASSOCIATE_CHIEF");
        cycle.GetProperty("positions")[9].GetProperty("durationMonths").GetProperty("TECHNICIAN").GetInt32().ShouldBe(6);
        (await (await anonymous.GetAsync($"{Api}/cycles")).JsonAsync()).EnumerateArray().First().GetProperty("year").GetInt32().ShouldBe(2024);
        await (await anonymous.GetAsync($"{Api}/cycles/2031")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cycle.not_found");
    }

    [Fact]
    public async Task The_admin_sets_up_a_later_year_and_an_inconsistent_one_is_refused_FEL_01_FEL_08()
    {
        app.Clock.Set(2025, 1, 10);
        using var admin = await app.SignedInAsync(Admin);
        var current = await (await admin.GetAsync($"{Api}/cycles/2024")).JsonAsync();
        var body = new Dictionary<string, object?>
        {
            ["applicationOpen"] = "2025-05-10T00:00:00+08:00",
            ["applicationClose"] = "2025-05-31T23:59:59+08:00",
            ["admissionNoticeDeadline"] = "2025-06-10T23:59:59+08:00",
            ["defaultReportingDate"] = "2025-07-01",
            ["intakeBand"] = new { min = 20, max = 30 },
            ["selfRaisedGrantCny"] = 30000,
            ["fundedMatchRatio"] = 1,
            ["positions"] = current.GetProperty("positions"),
        };
        var saved = await (await admin.PutAsJsonAsync($"{Api}/cycles/2025", body)).JsonAsync();
        saved.GetProperty("totalQuota").GetInt32().ShouldBe(15);
        saved.GetProperty("warnings")[0].GetString().ShouldBe("TABLE_BELOW_INTAKE_BAND");
        saved.GetProperty("updatedBy").GetString()!.ShouldStartWith("fellowship-admin:");

        body["admissionNoticeDeadline"] = "2025-05-01T00:00:00+08:00";
        var refused = await (await admin.PutAsJsonAsync($"{Api}/cycles/2025", body)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cycle.invalid");
        refused.GetProperty("problems")[0].GetString()!.ShouldContain("applicationOpen < applicationClose < admissionNoticeDeadline");
        (await (await admin.GetAsync($"{Api}/cycles/2025")).JsonAsync()).GetProperty("admissionNoticeDeadline").GetDateTimeOffset()
            .ShouldBe(new DateTimeOffset(2025, 6, 10, 23, 59, 59, TestClock.ChinaStandardTime));

        await (await admin.PutAsJsonAsync($"{Api}/cycles/2023", body)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "cycle.outside_programme");
        var (_, applicant) = await RegisterAsync(app);
        (await applicant.PutAsJsonAsync($"{Api}/cycles/2025", body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_cycle_with_submitted_applications_is_locked()
    {
        var cycle = await Cycles.CreateAsync(app);
        await SubmittedAsync(app, Physician(1, Cycles.Day(cycle.Id, 5, 15)), cycle.Id, cycle);
        using var admin = await app.SignedInAsync(Admin);
        var current = await (await admin.GetAsync($"{Api}/cycles/{cycle.Id}")).JsonAsync();
        var body = new Dictionary<string, object?>
        {
            ["applicationOpen"] = current.GetProperty("applicationOpen"),
            ["applicationClose"] = current.GetProperty("applicationClose"),
            ["admissionNoticeDeadline"] = current.GetProperty("admissionNoticeDeadline"),
            ["defaultReportingDate"] = current.GetProperty("defaultReportingDate"),
            ["intakeBand"] = current.GetProperty("intakeBand"),
            ["selfRaisedGrantCny"] = 20000,
            ["fundedMatchRatio"] = 1,
            ["positions"] = current.GetProperty("positions"),
        };
        await (await admin.PutAsJsonAsync($"{Api}/cycles/{cycle.Id}", body)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "cycle.locked");
    }
}
