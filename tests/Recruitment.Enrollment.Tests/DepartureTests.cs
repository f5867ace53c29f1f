using System.Text.Json;
using Marten;
using Recruitment.Enrollment.Features.Admission;
using Recruitment.Enrollment.Features.Departures;
using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests;

/// <summary>
/// Leaving after admission (ENR-65..ENR-68): each command refuses a missing reason, the wrong role, the wrong
/// status and another base's trainee with its own code and stores nothing; each departure returns the place to
/// its cell exactly once, and a cell never holds more trainees than its places, even when a decline races a refill.
/// </summary>
[Collection(EnrollmentCollection.Name)]
public sealed class DepartureTests(RecruitmentApp app)
{
    private sealed record Admitted(Guid Id, string Login);

    /// <summary>Applicants with accounts, proposed by their base on 08-01 and admitted when publicity ends on 08-21.</summary>
    private async Task<List<Admitted>> AdmitAsync(int year, params (string Base, string Specialty)[] cells)
    {
        app.Clock.Set(2024, 8, 1);
        var admitted = new List<Admitted>();
        foreach (var (baseCode, specialty) in cells)
        {
            var (login, id) = await ExaminedApplicantAsync(year, baseCode, specialty, 80);
            using var staff = await app.SignedInAsync($"t-{baseCode.ToLowerInvariant()}");
            await (await staff.PostAsJsonAsync($"/api/enrollment/applications/{id}/proposal", new { healthCheck = "PASS" })).ShouldBeSuccessAsync();
            admitted.Add(new Admitted(id, login));
        }
        app.Clock.Set(2024, 8, 18, 9);
        using (var center = await app.SignedInAsync("t-center"))
            await (await center.PostAsync($"/api/enrollment/cycles/{year}/center-review", null)).ShouldBeSuccessAsync();
        Guid publicityId;
        using (var phc = await app.SignedInAsync("t-phc"))
        {
            await (await phc.PostAsync($"/api/enrollment/cycles/{year}/recheck", null)).ShouldBeSuccessAsync();
            publicityId = (await (await phc.PostAsync($"/api/enrollment/cycles/{year}/publicity", null)).JsonAsync()).GetProperty("publicityId").GetGuid();
        }
        app.Clock.Set(2024, 8, 21, 9);
        await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(publicityId));
        foreach (var a in admitted) (await LoadAsync(app, a.Id)).Status.ShouldBe(ApplicationStatus.ADMITTED);
        return admitted;
    }

    private async Task<(string Login, Guid Id)> ExaminedApplicantAsync(int year, string baseCode, string specialty, decimal total)
    {
        var (idNumber, client) = await Applicants.RegisterAsync(app, withPhoto: false);
        var me = await (await client.GetAsync("/api/auth/whoami")).JsonAsync();
        client.Dispose();
        return (idNumber, await ExaminedAsync(app, year, baseCode, specialty, total, applicantId: Guid.Parse(me.GetProperty("subject").GetString()!)));
    }

    private async Task<CellLedger> LedgerAsync(string cellId)
    {
        await using var session = app.Service<IEnrollmentStore>().QuerySession();
        return (await session.LoadAsync<CellLedger>(cellId))!;
    }

    private async Task<int> EventsAsync(Guid id)
    {
        await using var session = app.Service<IEnrollmentStore>().QuerySession();
        return (await session.Events.FetchStreamAsync(id)).Count;
    }

    private async Task<JsonElement> VacancyAsync(int year, string cellId)
    {
        using var center = await app.SignedInAsync("t-center");
        var report = await (await center.GetAsync($"/api/enrollment/cycles/{year}/vacancies")).JsonAsync();
        return report.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("cellId").GetString() == cellId);
    }

    [Fact]
    public async Task An_admitted_applicant_declines_with_a_reason_and_the_place_returns_once_ENR_65_ENR_68()
    {
        var year = await NewCycleAsync(app);
        var admitted = await AdmitAsync(year, ("B02", "ANE"), ("B02", "ANE"));
        var cell = $"{year}:B02:ANE";
        var declining = admitted[0];
        (await LedgerAsync(cell)).Holders.Count.ShouldBe(2);
        var events = await EventsAsync(declining.Id);

        using var applicant = await app.SignedInAsync(declining.Login, Applicants.Password);
        await (await applicant.PostAsJsonAsync("/api/enrollment/applications/me/decline", new { reason = " " }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "decline.reason_required");
        using (var b02 = await app.SignedInAsync("t-b02"))
            (await b02.PostAsJsonAsync("/api/enrollment/applications/me/decline", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await EventsAsync(declining.Id)).ShouldBe(events, "a refusal stores nothing");
        (await LedgerAsync(cell)).Holders.Count.ShouldBe(2);

        var declined = await (await applicant.PostAsJsonAsync("/api/enrollment/applications/me/decline", new { reason = "开始攻读研究生 / starting a master's" })).JsonAsync();
        declined.GetProperty("status").GetString().ShouldBe("DECLINED");
        await (await applicant.PostAsJsonAsync("/api/enrollment/applications/me/decline", new { reason = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "decline.invalid_status");
        (await LedgerAsync(cell)).Holders.ShouldBe([admitted[1].Id], "the place went back once (ENR-68)");
        (await VacancyAsync(year, cell)).GetProperty("vacancies").GetInt32().ShouldBe(3, "B02 Anesthesiology has 4 places, 1 now held");

        var view = await (await applicant.GetAsync($"/api/enrollment/me/application?year={year}")).JsonAsync();
        view.GetProperty("status").GetString().ShouldBe("DECLINED");
        var last = view.GetProperty("timeline").EnumerateArray().Last();
        (last.GetProperty("event").GetString(), last.GetProperty("status").GetString()).ShouldBe(("admission-declined", "DECLINED"));
        last.GetProperty("detail").GetString().ShouldBe("开始攻读研究生 / starting a master's");
        (await (await applicant.GetAsync($"/api/enrollment/me/admission?year={year}")).JsonAsync()).GetProperty("admitted").GetBoolean().ShouldBeFalse();
        await (await applicant.DeleteAsync($"/api/enrollment/me/application?year={year}"))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.invalid_status");

        using var b02Admin = await app.SignedInAsync("t-b02");
        var trainees = await (await b02Admin.GetAsync($"/api/enrollment/bases/B02/trainees?year={year}")).JsonAsync();
        trainees.EnumerateArray().Select(t => t.GetProperty("applicationId").GetGuid()).ShouldBe([admitted[1].Id], "the base's list follows");
        var csv = await (await b02Admin.GetAsync($"/api/enrollment/bases/B02/exports/residency-proposed?year={year}&format=csv")).Content.ReadAsStringAsync();
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(2, "the export follows: a header and the one trainee left");
    }

    [Fact]
    public async Task A_candidate_not_yet_admitted_cannot_decline_and_withdraws_instead_ENR_65()
    {
        var year = await NewCycleAsync(app);
        app.Clock.Set(2024, 8, 1);
        var (login, id) = await ExaminedApplicantAsync(year, "B01", "OBG", 70);
        using (var b01 = await app.SignedInAsync("t-b01"))
            await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/proposal", new { healthCheck = "PASS" })).ShouldBeSuccessAsync();
        using var applicant = await app.SignedInAsync(login, Applicants.Password);
        await (await applicant.PostAsJsonAsync("/api/enrollment/applications/me/decline", new { reason = "changed my mind" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "decline.invalid_status");
        (await LoadAsync(app, id)).Status.ShouldBe(ApplicationStatus.PROPOSED);
    }

    [Fact]
    public async Task Only_the_PHC_revokes_an_admission_with_a_reason_and_the_place_returns_ENR_67_ENR_68()
    {
        var year = await NewCycleAsync(app);
        var admitted = await AdmitAsync(year, ("B03", "PED"));
        app.Clock.Set(2024, 8, 22, 9);
        var (_, notAdmitted) = await ExaminedApplicantAsync(year, "B03", "PED", 60);
        var id = admitted[0].Id;
        var cell = $"{year}:B03:PED";
        var events = await EventsAsync(id);
        var route = $"/api/enrollment/applications/{id}/revocation";

        foreach (var login in new[] { "t-b03", "t-center" })
        {
            using var staff = await app.SignedInAsync(login);
            (await staff.PostAsJsonAsync(route, new { reason = "forged diploma" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, login);
        }
        using (var applicant = await app.SignedInAsync(admitted[0].Login, Applicants.Password))
            (await applicant.PostAsJsonAsync(route, new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var phc = await app.SignedInAsync("t-phc");
        await (await phc.PostAsJsonAsync(route, new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "revocation.reason_required");
        await (await phc.PostAsJsonAsync($"/api/enrollment/applications/{notAdmitted}/revocation", new { reason = "forged diploma" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "revocation.invalid_status");
        await (await phc.PostAsJsonAsync($"/api/enrollment/applications/{Guid.NewGuid()}/revocation", new { reason = "forged diploma" }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "application.not_found");
        (await EventsAsync(id)).ShouldBe(events, "refusals store nothing");
        (await LedgerAsync(cell)).Holders.ShouldBe([id]);

        (await (await phc.PostAsJsonAsync(route, new { reason = "学历证书经核实为伪造 / diploma verified forged" })).JsonAsync())
            .GetProperty("status").GetString().ShouldBe("REVOKED");
        await (await phc.PostAsJsonAsync(route, new { reason = "again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "revocation.invalid_status");
        (await LedgerAsync(cell)).Holders.ShouldBeEmpty();
        var a = await LoadAsync(app, id);
        (a.Status, a.Reason).ShouldBe((ApplicationStatus.REVOKED, "学历证书经核实为伪造 / diploma verified forged"));
    }

    [Fact]
    public async Task The_unreported_become_NOT_REPORTED_at_the_deadline_and_the_base_records_a_late_report_until_lateUntil_ENR_66()
    {
        var year = await NewCycleAsync(app);
        var admitted = await AdmitAsync(year, ("B03", "GP"), ("B03", "GP"), ("B03", "GP"));
        var cell = $"{year}:B03:GP";
        using (var b03 = await app.SignedInAsync("t-b03"))
            await (await b03.PostAsJsonAsync($"/api/enrollment/applications/{admitted[2].Id}/reporting", new { date = "2024-08-25" })).ShouldBeSuccessAsync();
        var bus = app.Service<IMessageBus>();

        // A stage that runs early (the calendar moved) changes nothing and waits for the deadline in force.
        app.Clock.Set(2024, 8, 31, 23, 59, 59);
        await bus.InvokeAsync(new CloseReporting(year));
        (await LoadAsync(app, admitted[0].Id)).Status.ShouldBe(ApplicationStatus.ADMITTED);

        app.Clock.Set(2024, 9, 1, 0, 0, 0);
        await bus.InvokeAsync(new CloseReporting(year));
        await bus.InvokeAsync(new CloseReporting(year)); // a redelivered stage changes nothing more
        (await LoadAsync(app, admitted[0].Id)).Status.ShouldBe(ApplicationStatus.NOT_REPORTED);
        (await LoadAsync(app, admitted[1].Id)).Status.ShouldBe(ApplicationStatus.NOT_REPORTED);
        (await LoadAsync(app, admitted[2].Id)).Status.ShouldBe(ApplicationStatus.REPORTED);
        (await LedgerAsync(cell)).Holders.ShouldBe([admitted[2].Id], "both places went back, once each (ENR-68)");
        using (var applicant = await app.SignedInAsync(admitted[0].Login, Applicants.Password))
            (await (await applicant.GetAsync($"/api/enrollment/me/application?year={year}")).JsonAsync()).GetProperty("timeline").EnumerateArray().Last()
                .GetProperty("event").GetString().ShouldBe("reporting-deadline-passed");

        var route = $"/api/enrollment/applications/{admitted[0].Id}/late-report";
        var events = await EventsAsync(admitted[0].Id);
        app.Clock.Set(2024, 9, 3, 10);
        using (var otherBase = await app.SignedInAsync("t-b01"))
            await (await otherBase.PostAsJsonAsync(route, new { date = "2024-09-02", reason = "flight delayed" }))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        foreach (var login in new[] { "t-center", "t-phc" })
        {
            using var staff = await app.SignedInAsync(login);
            (await staff.PostAsJsonAsync(route, new { date = "2024-09-02", reason = "flight delayed" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, login);
        }
        using var b03Admin = await app.SignedInAsync("t-b03");
        await (await b03Admin.PostAsJsonAsync(route, new { date = "2024-09-02" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "late_report.reason_required");
        await (await b03Admin.PostAsJsonAsync(route, new { reason = "flight delayed" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.date_required");
        await (await b03Admin.PostAsJsonAsync($"/api/enrollment/applications/{admitted[2].Id}/late-report", new { date = "2024-09-02", reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "late_report.invalid_status");
        (await EventsAsync(admitted[0].Id)).ShouldBe(events, "refusals store nothing");

        (await (await b03Admin.PostAsJsonAsync(route, new { date = "2024-09-02", reason = "flight delayed" })).JsonAsync())
            .GetProperty("status").GetString().ShouldBe("REPORTED");
        (await LedgerAsync(cell)).Holders.Count.ShouldBe(2, "the late trainee holds a place again");
        var row = (await (await b03Admin.GetAsync($"/api/enrollment/bases/B03/trainees?year={year}")).JsonAsync()).EnumerateArray()
            .Single(t => t.GetProperty("applicationId").GetGuid() == admitted[0].Id);
        (row.GetProperty("reportedOn").GetString(), row.GetProperty("reportedLate").GetBoolean()).ShouldBe(("2024-09-02", true));

        app.Clock.Set(2024, 10, 1, 0, 0, 0);
        using var later = await app.SignedInAsync("t-b03");
        await (await later.PostAsJsonAsync($"/api/enrollment/applications/{admitted[1].Id}/late-report", new { date = "2024-09-30", reason = "ill" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "late_report.window_closed");
        (await LoadAsync(app, admitted[1].Id)).Status.ShouldBe(ApplicationStatus.NOT_REPORTED);
    }

    [Fact]
    public async Task Departures_racing_each_other_change_the_ledger_once_ENR_68()
    {
        var year = await NewCycleAsync(app);
        var admitted = await AdmitAsync(year, ("B02", "OBG"), ("B02", "OBG"));
        app.Clock.Set(2024, 8, 25, 10);
        var target = admitted[0];
        var cell = $"{year}:B02:OBG";
        using var applicant = await app.SignedInAsync(target.Login, Applicants.Password);
        using var phc = await app.SignedInAsync("t-phc");
        var answers = await Task.WhenAll(
            applicant.PostAsJsonAsync("/api/enrollment/applications/me/decline", new { reason = "decline 1" }),
            applicant.PostAsJsonAsync("/api/enrollment/applications/me/decline", new { reason = "decline 2" }),
            phc.PostAsJsonAsync($"/api/enrollment/applications/{target.Id}/revocation", new { reason = "revoke" }));
        answers.Count(r => r.IsSuccessStatusCode).ShouldBe(1, "one departure wins");
        answers.Where(r => !r.IsSuccessStatusCode).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        (await LedgerAsync(cell)).Holders.ShouldBe([admitted[1].Id]);
    }
}
