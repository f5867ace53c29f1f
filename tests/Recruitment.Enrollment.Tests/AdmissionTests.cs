using Recruitment.Enrollment.Contracts;
using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests;

/// <summary>Proposed admission within quotas (ENR-43..ENR-51), each test in its own cycle so its quota cells are its own.</summary>
[Collection(AdmissionCollection.Name)]
public sealed class AdmissionTests(RecruitmentApp app)
{
    private static string Proposal(Guid id) => $"/api/enrollment/applications/{id}/proposal";

    [Fact]
    public async Task Fifty_concurrent_proposals_for_the_last_seat_admit_exactly_one_ENR_45()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        // B01 offers one Psychiatry place.
        var candidates = new List<Guid>();
        for (var i = 0; i < 50; i++) candidates.Add(await ExaminedAsync(app, year, "B01", "PSY", 70 + i % 7));
        using var b01 = await app.SignedInAsync("t-b01");
        var responses = await Task.WhenAll(candidates.Select(id => b01.PostAsJsonAsync(Proposal(id), new { skipReason = "clinical fit" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "quota.exhausted");
        var proposed = 0;
        foreach (var id in candidates) proposed += (await LoadAsync(app, id)).Status == ApplicationStatus.PROPOSED ? 1 : 0;
        proposed.ShouldBe(1);
    }

    [Fact]
    public async Task Only_passing_candidates_are_proposed_and_skipping_a_higher_ranked_one_needs_a_reason_ENR_44_ENR_46()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var failed = await ExaminedAsync(app, year, "B01", "GP", 88, passed: false);
        var best = await ExaminedAsync(app, year, "B01", "GP", 85);
        var second = await ExaminedAsync(app, year, "B01", "GP", 80);
        using var b01 = await app.SignedInAsync("t-b01");

        await (await b01.PostAsJsonAsync(Proposal(failed), new { })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "proposal.not_passing");
        await (await b01.PostAsJsonAsync(Proposal(second), new { })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "proposal.skip_reason_required");
        // ENR-61: a failed health check is SOFT, admitting anyway needs a reason.
        await (await b01.PostAsJsonAsync(Proposal(second), new { healthCheck = "FAIL", skipReason = "rural commitment" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "proposal.fail_reason_required");
        await (await b01.PostAsJsonAsync(Proposal(best), new { trainingMonths = 24 })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "proposal.invalid_training_months");
        var ok = await (await b01.PostAsJsonAsync(Proposal(best), new { psychTest = "PASS" })).JsonAsync();
        ok.GetProperty("trainingMonths").GetInt32().ShouldBe(36);
        await (await b01.PostAsJsonAsync(Proposal(best), new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "proposal.already_proposed");
        await (await b01.PostAsJsonAsync(Proposal(second), new { })).ShouldBeSuccessAsync();

        using var b02 = await app.SignedInAsync("t-b02");
        await (await b02.DeleteAsync(Proposal(second))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        (await (await b01.DeleteAsync(Proposal(second))).JsonAsync()).GetProperty("status").GetString().ShouldBe("EXAMINED");
    }

    [Fact]
    public async Task After_the_lock_bases_cannot_propose_the_center_can_and_unproposed_candidates_become_NOT_PROPOSED_ENR_50_ENR_51()
    {
        var year = await NewCycleAsync(app);
        var first = await ExaminedAsync(app, year, "B02", "EM", 80);
        var second = await ExaminedAsync(app, year, "B02", "EM", 75);
        app.Clock.Set(2024, 8, 17, 0, 0, 0);
        using (var b02 = await app.SignedInAsync("t-b02"))
            await (await b02.PostAsJsonAsync(Proposal(first), new { })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "proposal.locked");
        await app.Service<IMessageBus>().InvokeAsync(new CloseStage(year, Stage.ProposedAdmission));
        (await LoadAsync(app, first)).Status.ShouldBe(ApplicationStatus.NOT_PROPOSED);

        using var center = await app.SignedInAsync("t-center");
        await (await center.PostAsJsonAsync(Proposal(first), new { })).ShouldBeSuccessAsync();
        var report = await (await center.GetAsync($"/api/enrollment/cycles/{year}/vacancies")).JsonAsync();
        report.GetProperty("locked").GetBoolean().ShouldBeTrue();
        var em = report.GetProperty("cells").EnumerateArray().Single(c => c.GetProperty("cellId").GetString() == $"{year}:B02:EM");
        (em.GetProperty("places").GetInt32(), em.GetProperty("proposed").GetInt32(), em.GetProperty("vacancies").GetInt32()).ShouldBe((1, 1, 0));
        report.GetProperty("totalPlaces").GetInt32().ShouldBe(577 + 10);
        (await LoadAsync(app, second)).Status.ShouldBe(ApplicationStatus.NOT_PROPOSED);
    }

    [Fact]
    public async Task Assistant_GP_admission_ranks_stops_at_an_exact_tie_and_never_exceeds_ten_ENR_48_ENR_49()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        for (var i = 0; i < 9; i++) await ExaminedAsync(app, year, "B07", "AGP", 90 - i, track: Track.ASSISTANT_GP);
        var tiedA = await ExaminedAsync(app, year, "B07", "AGP", 70, track: Track.ASSISTANT_GP);
        var tiedB = await ExaminedAsync(app, year, "B07", "AGP", 70, track: Track.ASSISTANT_GP);
        await ExaminedAsync(app, year, "B07", "AGP", 95, passed: false, track: Track.ASSISTANT_GP);
        using var b07 = await app.SignedInAsync("t-b07");

        var tie = await (await b07.PostAsJsonAsync("/api/enrollment/bases/B07/assistant-gp-admission", new { year }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "agp.tie_at_cutoff");
        tie.GetProperty("tied").EnumerateArray().Select(t => t.GetGuid()).ShouldBe([tiedA, tiedB], ignoreOrder: true);
        (await LoadAsync(app, tiedA)).Status.ShouldBe(ApplicationStatus.EXAMINED, "a blocked run proposes nobody");

        var decided = await (await b07.PostAsJsonAsync("/api/enrollment/bases/B07/assistant-gp-admission",
            new { year, chosen = new[] { tiedB }, reason = "interview panel preference recorded" })).JsonAsync();
        decided.GetProperty("proposed").GetArrayLength().ShouldBe(10);
        decided.GetProperty("vacancies").GetInt32().ShouldBe(0);
        (await LoadAsync(app, tiedB)).Status.ShouldBe(ApplicationStatus.PROPOSED);
        (await LoadAsync(app, tiedA)).Status.ShouldBe(ApplicationStatus.EXAMINED);
    }
}
