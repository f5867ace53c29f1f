using Recruitment.Enrollment.Contracts;
using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests;

/// <summary>
/// Rules no other test proved: cancellation for false information, absent residents, the order of the materials sent
/// to the center, and who may take part in a supplementary round.
/// </summary>
[Collection(EnrollmentCollection.Name)]
public sealed class CitedRulesTests(RecruitmentApp app)
{
    [Fact]
    public async Task False_information_cancels_a_registration_before_admission_with_a_reason_on_both_tracks_ENR_16_ENR_41_ENR_34()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var resident = await ExaminedAsync(app, year, "B02", "ANE", 70);
        var registrant = await ExaminedAsync(app, year, "B07", "AGP", 70, track: Track.ASSISTANT_GP);
        using var b02 = await app.SignedInAsync("t-b02");
        using var b03 = await app.SignedInAsync("t-b03");

        await (await b02.PostAsJsonAsync($"/api/enrollment/applications/{resident}/cancellation", new { reason = " " }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "cancellation.reason_required");
        (await b03.PostAsJsonAsync($"/api/enrollment/applications/{resident}/cancellation", new { reason = "forged diploma" })).StatusCode
            .ShouldBe(HttpStatusCode.Forbidden, "another base never cancels");
        (await LoadAsync(app, resident)).Status.ShouldBe(ApplicationStatus.EXAMINED, "a refused cancellation changes nothing");

        (await (await b02.PostAsJsonAsync($"/api/enrollment/applications/{resident}/cancellation", new { reason = "forged diploma verified" }))
            .JsonAsync()).GetProperty("status").GetString().ShouldBe("CANCELLED_FALSE_INFO");
        var view = (await (await b02.GetAsync($"/api/enrollment/applications/{resident}")).JsonAsync()).GetProperty("application");
        var last = view.GetProperty("timeline").EnumerateArray().Last();
        (last.GetProperty("event").GetString(), last.GetProperty("status").GetString(), last.GetProperty("detail").GetString())
            .ShouldBe(("application-cancelled", "CANCELLED_FALSE_INFO", "forged diploma verified"));
        last.GetProperty("actor").GetString()!.ShouldStartWith("base-admin:", customMessage: "ENR-34: every step names its actor");
        await (await b02.PostAsJsonAsync($"/api/enrollment/applications/{resident}/cancellation", new { reason = "again" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.invalid_status");

        // ENR-41: an assistant-GP registrant's false information has the same consequence; the center may cancel too.
        using var center = await app.SignedInAsync("t-center");
        (await (await center.PostAsJsonAsync($"/api/enrollment/applications/{registrant}/cancellation", new { reason = "ID card of another person" }))
            .JsonAsync()).GetProperty("status").GetString().ShouldBe("CANCELLED_FALSE_INFO");
    }

    [Fact]
    public async Task A_resident_absent_from_an_exam_is_ABSENT_and_cannot_be_proposed_EXAM_07()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var absent = await ExaminedAsync(app, year, "B01", "PSY", 90, absent: true);
        (await LoadAsync(app, absent)).Status.ShouldBe(ApplicationStatus.ABSENT);
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{absent}/proposal", new { healthCheck = "PASS" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "proposal.not_passing");
        (await LoadAsync(app, absent)).Status.ShouldBe(ApplicationStatus.ABSENT);
    }

    [Fact]
    public async Task FORM_04_lists_exemption_requesters_first_then_specialty_row_order_then_total_ENR_52_EXM_11()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var ids = new[]
        {
            await ExaminedAsync(app, year, "B01", "PED", 95, name: "儿科高分"),
            await ExaminedAsync(app, year, "B01", "GP", 70, name: "全科低分"),
            await ExaminedAsync(app, year, "B01", "GP", 90, name: "全科高分"),
            await ExaminedAsync(app, year, "B01", "PED", 60, exemptionRequested: true, name: "儿科减免"),
        };
        using var b01 = await app.SignedInAsync("t-b01");
        foreach (var id in ids.OrderByDescending(i => i == ids[2]))
            await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/proposal", new { healthCheck = "PASS", skipReason = "fit", trainingMonths = 36 }))
                .ShouldBeSuccessAsync();
        var csv = (await (await b01.GetAsync($"/api/enrollment/bases/B01/exports/residency-proposed?year={year}&format=csv")).Content.ReadAsStringAsync())
            .TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var name = csv[0].Split(',').ToList().IndexOf("name");
        csv.Skip(1).Select(l => l.Split(',')[name]).ShouldBe(["儿科减免", "全科高分", "全科低分", "儿科高分"]);
    }

    [Fact]
    public async Task Only_candidates_who_passed_and_were_not_proposed_take_part_in_a_supplementary_round_and_a_refusal_stores_nothing_ENR_54()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var (passedLogin, passedId) = await ExaminedApplicantAsync(year, passed: true);
        var (failedLogin, failedId) = await ExaminedApplicantAsync(year, passed: false);
        app.Clock.Set(2024, 8, 17, 0, 0, 0);
        await app.Service<IMessageBus>().InvokeAsync(new CloseStage(year, Stage.ProposedAdmission));
        using (var phc = await app.SignedInAsync("t-phc"))
        {
            var roundId = (await (await phc.PostAsJsonAsync($"/api/enrollment/cycles/{year}/rounds",
                new { kind = "SUPPLEMENTARY", opens = "2024-08-17T09:00:00+08:00", closes = "2024-08-19T00:00:00+08:00" })).JsonAsync()).GetProperty("id").GetGuid();
            app.Clock.Set(2024, 8, 18, 10);
            var preferences = new { roundId, preferences = new[] { new { baseCode = "B01", specialtyCode = "PSY" } } };
            using (var failed = await app.SignedInAsync(failedLogin, Applicants.Password))
                await (await failed.PutAsJsonAsync("/api/enrollment/me/round-preferences", preferences))
                    .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "round.not_eligible");
            using (var passed = await app.SignedInAsync(passedLogin, Applicants.Password))
                await (await passed.PutAsJsonAsync("/api/enrollment/me/round-preferences", preferences)).ShouldBeSuccessAsync();

            await using var session = app.Service<IEnrollmentStore>().QuerySession();
            (await session.LoadAsync<RoundPreferences>(RoundPreferences.IdFor(roundId, failedId))).ShouldBeNull("a refused preference stores nothing");
            (await session.LoadAsync<RoundPreferences>(RoundPreferences.IdFor(roundId, passedId))).ShouldNotBeNull();
        }
    }

    private async Task<(string Login, Guid ApplicationId)> ExaminedApplicantAsync(int year, bool passed)
    {
        var (idNumber, client) = await Applicants.RegisterAsync(app, withPhoto: false);
        var me = await (await client.GetAsync("/api/auth/whoami")).JsonAsync();
        client.Dispose();
        var applicantId = Guid.Parse(me.GetProperty("subject").GetString()!);
        return (idNumber, await ExaminedAsync(app, year, "B01", "GP", passed ? 80 : 50, passed: passed, applicantId: applicantId));
    }
}
