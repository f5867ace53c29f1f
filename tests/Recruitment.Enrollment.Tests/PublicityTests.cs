using Recruitment.Enrollment.Features.Admission;
using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests;

/// <summary>Rounds, center review, PHC re-check, publicity, objections and what applicants may see when (ENR-53..ENR-60).</summary>
[Collection(AdmissionCollection.Name)]
public sealed class PublicityTests(RecruitmentApp app)
{
    private async Task<(Guid ApplicationId, string IdNumber)> ExaminedApplicantAsync(int year, string baseCode, string specialty, decimal total)
    {
        var (idNumber, client) = await Applicants.RegisterAsync(app, withPhoto: false);
        var me = await (await client.GetAsync("/api/auth/whoami")).JsonAsync();
        client.Dispose();
        return (await ExaminedAsync(app, year, baseCode, specialty, total, applicantId: Guid.Parse(me.GetProperty("subject").GetString()!)), idNumber);
    }

    [Fact]
    public async Task Admission_is_hidden_until_publicity_ends_and_an_objection_holds_the_candidate_ENR_57_ENR_58_ENR_59()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var (clean, cleanId) = await ExaminedApplicantAsync(year, "B01", "OBG", 82);
        var (objected, _) = await ExaminedApplicantAsync(year, "B01", "OBG", 80);
        using (var b01 = await app.SignedInAsync("t-b01"))
        {
            await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{clean}/proposal", new { })).ShouldBeSuccessAsync();
            await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{objected}/proposal", new { })).ShouldBeSuccessAsync();
        }
        using (var early = await app.SignedInAsync("t-center"))
            await (await early.PostAsync($"/api/enrollment/cycles/{year}/center-review", null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "admission.before_lock");

        app.Clock.Set(2024, 8, 18, 9);
        using var center = await app.SignedInAsync("t-center");
        using var phc = await app.SignedInAsync("t-phc");
        await (await phc.PostAsync($"/api/enrollment/cycles/{year}/publicity", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "admission.nothing_to_publish");
        await (await center.PostAsync($"/api/enrollment/cycles/{year}/center-review", null)).ShouldBeSuccessAsync();
        await (await phc.PostAsync($"/api/enrollment/cycles/{year}/recheck", null)).ShouldBeSuccessAsync();
        var published = await (await phc.PostAsync($"/api/enrollment/cycles/{year}/publicity", null)).JsonAsync();
        var publicityId = published.GetProperty("publicityId").GetGuid();

        using (var anonymous = app.Anonymous())
        {
            var list = await (await anonymous.GetAsync($"/api/enrollment/cycles/{year}/publicity")).Content.ReadAsStringAsync();
            list.ShouldContain("候选人");
            list.ShouldNotContain(cleanId, customMessage: "the public list never shows ID numbers");
            list.ShouldNotContain("139", customMessage: "nor phone numbers");
        }
        using (var someone = await app.SignedInAsync("t-b02"))
            (await someone.PostAsJsonAsync($"/api/enrollment/applications/{objected}/objections", new { text = "diploma questioned" })).StatusCode
                .ShouldBe(HttpStatusCode.Created);

        // One second before the end: nothing is final, whatever the timer does.
        app.Clock.Set(2024, 8, 21, 8, 59, 59);
        await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(publicityId));
        using (var applicant = await app.SignedInAsync(cleanId, Applicants.Password))
        {
            var admission = await (await applicant.GetAsync($"/api/enrollment/me/admission?year={year}")).JsonAsync();
            (admission.GetProperty("status").GetString(), admission.GetProperty("admitted").GetBoolean()).ShouldBe(("IN_PUBLICITY", false));
            (await (await applicant.GetAsync($"/api/enrollment/me/application?year={year}")).JsonAsync()).GetProperty("status").GetString().ShouldBe("IN_PUBLICITY");
            await (await applicant.GetAsync($"/api/enrollment/applications/{clean}/notice")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "notice.not_available");
        }

        app.Clock.Set(2024, 8, 21, 9, 0, 0);
        await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(publicityId));
        using (var applicant = await app.SignedInAsync(cleanId, Applicants.Password))
        {
            var admission = await (await applicant.GetAsync($"/api/enrollment/me/admission?year={year}")).JsonAsync();
            admission.GetProperty("admitted").GetBoolean().ShouldBeTrue();
            admission.GetProperty("trainingStart").GetString().ShouldBe("2024-09-01");
            var notice = await applicant.GetAsync($"/api/enrollment/applications/{clean}/notice");
            (await notice.Content.ReadAsStringAsync()).ShouldContain("录取通知书");
        }
        (await LoadAsync(app, objected)).Status.ShouldBe(ApplicationStatus.ON_HOLD);
        using (var late = await app.SignedInAsync("t-b02"))
            await (await late.PostAsJsonAsync($"/api/enrollment/applications/{clean}/objections", new { text = "too late" }))
                .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "objection.outside_publicity");
    }

    [Fact]
    public async Task The_PHC_resolves_an_objection_by_admitting_or_revoking_with_a_reason_ENR_58()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var (id, _) = await ExaminedApplicantAsync(year, "B02", "ANE", 78);
        using (var b02 = await app.SignedInAsync("t-b02"))
            await (await b02.PostAsJsonAsync($"/api/enrollment/applications/{id}/proposal", new { })).ShouldBeSuccessAsync();
        app.Clock.Set(2024, 8, 18, 9);
        using var center = await app.SignedInAsync("t-center");
        using var phc = await app.SignedInAsync("t-phc");
        await center.PostAsync($"/api/enrollment/cycles/{year}/center-review", null);
        await phc.PostAsync($"/api/enrollment/cycles/{year}/recheck", null);
        await phc.PostAsync($"/api/enrollment/cycles/{year}/publicity", null);
        var objection = await (await center.PostAsJsonAsync($"/api/enrollment/applications/{id}/objections", new { text = "employment record" })).JsonAsync();
        var objectionId = objection.GetProperty("objectionId").GetGuid();

        await (await phc.PostAsJsonAsync($"/api/enrollment/objections/{objectionId}/resolution", new { outcome = "REVOKE" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "objection.reason_required");
        (await center.PostAsJsonAsync($"/api/enrollment/objections/{objectionId}/resolution", new { outcome = "ADMIT", reason = "x" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden);
        var resolved = await (await phc.PostAsJsonAsync($"/api/enrollment/objections/{objectionId}/resolution",
            new { outcome = "REVOKE", reason = "undisclosed employment verified" })).JsonAsync();
        resolved.GetProperty("status").GetString().ShouldBe("REVOKED");
        var report = await (await center.GetAsync($"/api/enrollment/cycles/{year}/vacancies")).JsonAsync();
        report.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("cellId").GetString() == $"{year}:B02:ANE")
            .GetProperty("vacancies").GetInt32().ShouldBe(4, "a revoked admission frees its place");
    }

    [Fact]
    public async Task A_round_fills_vacancies_by_deferred_acceptance_within_who_may_move_where_ENR_53_ENR_55()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var (strong, strongId) = await ExaminedApplicantAsync(year, "B01", "GP", 88);
        var (weak, weakId) = await ExaminedApplicantAsync(year, "B01", "GP", 70);
        app.Clock.Set(2024, 8, 17, 0, 0, 0);
        await app.Service<IMessageBus>().InvokeAsync(new CloseStage(year, Stage.ProposedAdmission));

        using var phc = await app.SignedInAsync("t-phc");
        var round = await (await phc.PostAsJsonAsync($"/api/enrollment/cycles/{year}/rounds",
            new { kind = "REALLOCATION", opens = "2024-08-17T09:00:00+08:00", closes = "2024-08-19T00:00:00+08:00" })).JsonAsync();
        var roundId = round.GetProperty("id").GetGuid();
        app.Clock.Set(2024, 8, 18, 10);
        var cell = new { baseCode = "B01", specialtyCode = "PSY" };
        using (var s = await app.SignedInAsync(strongId, Applicants.Password))
            await (await s.PutAsJsonAsync("/api/enrollment/me/round-preferences", new { roundId, preferences = new[] { cell } })).ShouldBeSuccessAsync();
        using (var w = await app.SignedInAsync(weakId, Applicants.Password))
        {
            await (await w.PutAsJsonAsync("/api/enrollment/me/round-preferences", new { roundId, preferences = new[] { cell } })).ShouldBeSuccessAsync();
            await (await w.PutAsJsonAsync("/api/enrollment/me/round-preferences", new { roundId, preferences = new[] { new { baseCode = "B99", specialtyCode = "GP" } } }))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "round.unknown_cell");
        }
        using (var early = await app.SignedInAsync("t-phc"))
            await (await early.PostAsync($"/api/enrollment/cycles/{year}/rounds/{roundId}/allocate", null))
                .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "round.still_open");

        app.Clock.Set(2024, 8, 19, 9);
        using var later = await app.SignedInAsync("t-phc");
        var result = await (await later.PostAsync($"/api/enrollment/cycles/{year}/rounds/{roundId}/allocate", null)).JsonAsync();
        result.GetProperty("allocated").GetInt32().ShouldBe(1, "B01 has one Psychiatry place");
        result.GetProperty("blockingPairs").GetArrayLength().ShouldBe(0);
        (await LoadAsync(app, strong)).Status.ShouldBe(ApplicationStatus.PROPOSED);
        var placed = await LoadAsync(app, strong);
        (placed.Proposal!.SpecialtyCode, placed.SpecialtyCode, placed.BaseCode).ShouldBe(("PSY", "PSY", "B01"),
            "the round's cell is the candidate's specialty from now on: publicity, notice, Rotation and base access follow it");
        (await LoadAsync(app, weak)).Status.ShouldBe(ApplicationStatus.NOT_PROPOSED);
    }

    [Fact]
    public async Task A_sponsored_candidate_keeps_their_specialty_in_a_round_ENR_55()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var (idNumber, client) = await Applicants.RegisterAsync(app, withPhoto: false);
        var me = await (await client.GetAsync("/api/auth/whoami")).JsonAsync();
        await ExaminedAsync(app, year, "B01", "GP", 75, category: Category.SPONSORED, applicantId: Guid.Parse(me.GetProperty("subject").GetString()!));
        app.Clock.Set(2024, 8, 17, 0, 0, 0);
        await app.Service<IMessageBus>().InvokeAsync(new CloseStage(year, Stage.ProposedAdmission));
        using var phc = await app.SignedInAsync("t-phc");
        var roundId = (await (await phc.PostAsJsonAsync($"/api/enrollment/cycles/{year}/rounds",
            new { kind = "REALLOCATION", opens = "2024-08-17T09:00:00+08:00", closes = "2024-08-19T00:00:00+08:00" })).JsonAsync()).GetProperty("id").GetGuid();
        app.Clock.Set(2024, 8, 18, 10);
        using var applicant = await app.SignedInAsync(idNumber, Applicants.Password);
        await (await applicant.PutAsJsonAsync("/api/enrollment/me/round-preferences", new { roundId, preferences = new[] { new { baseCode = "B01", specialtyCode = "PED" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "round.move_not_allowed");
        await (await applicant.PutAsJsonAsync("/api/enrollment/me/round-preferences", new { roundId, preferences = new[] { new { baseCode = "B02", specialtyCode = "GP" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "round.employer_consent_required");
        await (await applicant.PutAsJsonAsync("/api/enrollment/me/round-preferences",
            new { roundId, preferences = new[] { new { baseCode = "B02", specialtyCode = "GP", employerConsent = true } } })).ShouldBeSuccessAsync();
    }

    [Fact]
    public async Task An_independent_trainee_without_a_labour_contract_14_days_after_reporting_is_flagged_ENR_60()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var (id, _) = await ExaminedApplicantAsync(year, "B02", "PATH", 77);
        using (var b02 = await app.SignedInAsync("t-b02"))
            await b02.PostAsJsonAsync($"/api/enrollment/applications/{id}/proposal", new { });
        app.Clock.Set(2024, 8, 18, 9);
        using (var center = await app.SignedInAsync("t-center")) await center.PostAsync($"/api/enrollment/cycles/{year}/center-review", null);
        Guid publicityId;
        using (var phc = await app.SignedInAsync("t-phc"))
        {
            await phc.PostAsync($"/api/enrollment/cycles/{year}/recheck", null);
            publicityId = (await (await phc.PostAsync($"/api/enrollment/cycles/{year}/publicity", null)).JsonAsync()).GetProperty("publicityId").GetGuid();
        }
        app.Clock.Set(2024, 8, 20, 10);
        using (var b02 = await app.SignedInAsync("t-b02"))
            await (await b02.PostAsJsonAsync($"/api/enrollment/applications/{id}/reporting", new { date = "2024-08-20" }))
                .ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.invalid_status");
        app.Clock.Set(2024, 8, 21, 9);
        await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(publicityId));
        using (var b02 = await app.SignedInAsync("t-b02"))
            await (await b02.PostAsJsonAsync($"/api/enrollment/applications/{id}/reporting", new { date = "2024-08-21" })).ShouldBeSuccessAsync();

        app.Clock.Set(2024, 9, 4, 23, 59, 59);
        using (var b02 = await app.SignedInAsync("t-b02"))
        {
            var onTime = await (await b02.GetAsync($"/api/enrollment/bases/B02/trainees?year={year}")).JsonAsync();
            onTime.EnumerateArray().Single(t => t.GetProperty("applicationId").GetGuid() == id).GetProperty("labourContractOverdue").GetBoolean().ShouldBeFalse();
        }
        app.Clock.Set(2024, 9, 5, 0, 0, 0);
        using (var b02 = await app.SignedInAsync("t-b02"))
        {
            var overdue = await (await b02.GetAsync($"/api/enrollment/bases/B02/trainees?year={year}&overdue=true")).JsonAsync();
            overdue.EnumerateArray().Single().GetProperty("labourContractDue").GetString().ShouldBe("2024-09-04");
            await (await b02.PostAsJsonAsync($"/api/enrollment/applications/{id}/labour-contract", new { date = "2024-09-05" })).ShouldBeSuccessAsync();
            (await (await b02.GetAsync($"/api/enrollment/bases/B02/trainees?year={year}&overdue=true")).JsonAsync()).GetArrayLength().ShouldBe(0);

            var bytes = await (await b02.GetAsync($"/api/enrollment/bases/B02/exports/residency-proposed?year={year}&format=csv")).Content.ReadAsByteArrayAsync();
            bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF }, "a BOM, so spreadsheet programs read the Chinese names");
            var csv = System.Text.Encoding.UTF8.GetString(bytes[3..]);
            csv.ShouldStartWith("no,name,gender,idNumber");
            csv.ShouldContain("PATH");
        }
    }
}
