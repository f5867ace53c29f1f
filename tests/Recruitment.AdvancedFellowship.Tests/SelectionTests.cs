using Marten;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.AdvancedFellowship.Features.Applications;
using Recruitment.AdvancedFellowship.Features.Review;
using Wolverine;
using static Recruitment.AdvancedFellowship.Tests.Fellows;

namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>Review and selection by the Science &amp; Education Dept. (FEL-06, FEL-10, FEL-12) on synthetic cycles of their own.</summary>
[Collection(FellowshipCollection.Name)]
public sealed class SelectionTests(FellowshipApp app)
{
    private static async Task<string> StatusAsync(HttpClient client) =>
        (await (await client.GetAsync("/api/advanced-fellowship/me/application")).JsonAsync()).GetProperty("status").GetString()!;

    [Fact]
    public async Task A_rows_quota_is_never_exceeded_even_by_concurrent_proposals_FEL_10()
    {
        var cycle = await Cycles.CreateAsync(app, Cycles.OnlyRow(2, 1));
        var day = Cycles.Day(cycle.Id, 5, 15);
        var applicants = new List<Guid>();
        for (var i = 0; i < 6; i++) applicants.Add((await SubmittedAsync(app, Physician(2, day), cycle.Id, cycle)).Id);
        using var admin = await app.SignedInAsync(Admin);

        var responses = await Task.WhenAll(applicants.Select(async id =>
        {
            using var client = await app.SignedInAsync(Admin);
            return await client.ReviewAsync(id, new { decision = "PROPOSE", specialtyRequirementsVerified = true });
        }));
        responses.Count(r => r.IsSuccessStatusCode).ShouldBe(1);
        foreach (var refused in responses.Where(r => !r.IsSuccessStatusCode))
            await refused.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "quota.exhausted");

        var selection = await (await admin.GetAsync($"/api/advanced-fellowship/cycles/{cycle.Id}/selection")).JsonAsync();
        var row = selection.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("positionNo").GetInt32() == 2);
        row.GetProperty("held").GetInt32().ShouldBe(1);
        row.GetProperty("free").GetInt32().ShouldBe(0);
        selection.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldBe(["BELOW_INTAKE_BAND"]);
        var proposed = await (await admin.GetAsync($"/api/advanced-fellowship/applications?year={cycle.Id}&status=PROPOSED")).JsonAsync();
        proposed.GetProperty("total").GetInt64().ShouldBe(1);

        // the row is full: a new application to it is refused, and nothing is stored
        var (_, late) = await RegisterAsync(app, new DateOnly(cycle.Id - 30, 1, 1));
        await late.UploadAsync(RequiredFor(Physician(2, day), cycle));
        await (await late.ApplyAsync(Physician(2, day), cycle.Id)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "quota.exhausted");
    }

    [Fact]
    public async Task Without_any_retry_the_row_stream_alone_refuses_a_second_concurrent_place_FEL_10()
    {
        var cycle = await Cycles.CreateAsync(app, Cycles.OnlyRow(3, 1));
        var day = Cycles.Day(cycle.Id, 5, 15);
        var applicants = new List<Guid>();
        for (var i = 0; i < 8; i++) applicants.Add((await SubmittedAsync(app, Physician(3, day), cycle.Id, cycle)).Id);

        // Straight to the handler, in parallel, with no retry: whatever interleaving happens, at most one place is taken.
        var outcomes = await Task.WhenAll(applicants.Select(async id =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            try
            {
                var outcome = await bus.InvokeAsync<Outcome<FellowshipResult>>(new ReviewFellowshipApplication(id,
                    new Caller(null, "fellowship-admin:test", Roles.FellowshipAdmin, null), new FellowshipReviewRequest("PROPOSE", null, true, null, null)));
                return outcome.Refusal is { } refusal ? refusal.Code : "PROPOSED";
            }
            catch (Exception e) when (OptimisticRetry.IsConflict(e))
            {
                return "conflict";
            }
        }));
        outcomes.Count(o => o == "PROPOSED").ShouldBe(1, string.Join(",", outcomes));

        await using var session = app.Service<IAdvancedFellowshipStore>().QuerySession();
        var quota = await session.LoadAsync<PositionQuota>(PositionQuota.IdFor(cycle.Id, 3));
        quota!.Holders.Count.ShouldBe(1);
        (await session.Query<Fellowship>().CountAsync(f => f.Year == cycle.Id && f.Status == FellowshipStatus.PROPOSED)).ShouldBe(1);
    }

    [Fact]
    public async Task Flags_need_a_reasoned_acknowledgement_and_specialty_requirements_a_tick_before_a_proposal_FEL_06_FEL_09()
    {
        var cycle = await Cycles.CreateAsync(app, Cycles.OnlyRow(5, 1));
        var day = Cycles.Day(cycle.Id, 5, 15);
        var (id, client, _) = await SubmittedAsync(app, Physician(5, day), cycle.Id, cycle, birth: day.AddYears(-46));
        using var admin = await app.SignedInAsync(Admin);
        var listed = await (await admin.GetAsync($"/api/advanced-fellowship/applications?year={cycle.Id}&flagged=true")).JsonAsync();
        listed.GetProperty("items")[0].GetProperty("unacknowledgedFlags")[0].GetString().ShouldBe("AGE_OVER_LIMIT");

        var refused = await (await admin.ReviewAsync(id, new { decision = "PROPOSE", specialtyRequirementsVerified = true }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "review.flags_unacknowledged");
        refused.GetProperty("flags")[0].GetString().ShouldBe("AGE_OVER_LIMIT");
        await (await admin.ReviewAsync(id, new
        {
            decision = "PROPOSE",
            specialtyRequirementsVerified = true,
            acknowledgements = new[] { new { flag = "AGE_OVER_LIMIT" } }
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "review.reason_required");
        await (await admin.ReviewAsync(id, new { decision = "PROPOSE", acknowledgements = new[] { new { flag = "AGE_OVER_LIMIT", reason = "ECMO lead of the unit" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "review.specialty_not_verified");
        (await StatusAsync(client)).ShouldBe("SUBMITTED");

        await (await admin.ReviewAsync(id, new
        {
            decision = "PROPOSE",
            specialtyRequirementsVerified = true,
            acknowledgements = new[] { new { flag = "AGE_OVER_LIMIT", reason = "ECMO lead of the unit" } }
        })).ShouldBeSuccessAsync();
        var mine = await (await client.GetAsync("/api/advanced-fellowship/me/application")).JsonAsync();
        mine.GetProperty("status").GetString().ShouldBe("PROPOSED");
        mine.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString())
            .ShouldBe(["application-submitted", "flag-acknowledged", "review-started", "application-proposed"]);
        var ack = mine.GetProperty("timeline")[1];
        ack.GetProperty("actor").GetString()!.ShouldStartWith("fellowship-admin:");
        ack.GetProperty("detail").GetString().ShouldBe("AGE_OVER_LIMIT: ECMO lead of the unit");
    }

    [Fact]
    public async Task A_rejection_states_its_reason_and_gives_back_the_place_FEL_10_FEL_12()
    {
        var cycle = await Cycles.CreateAsync(app, Cycles.OnlyRow(6, 1));
        var day = Cycles.Day(cycle.Id, 5, 15);
        var (first, firstClient, _) = await SubmittedAsync(app, Physician(6, day), cycle.Id, cycle);
        var (second, _, _) = await SubmittedAsync(app, Physician(6, day), cycle.Id, cycle);
        using var admin = await app.SignedInAsync(Admin);
        await (await admin.ReviewAsync(first, new { decision = "MAYBE" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "review.invalid_decision");
        await admin.ProposeAsync(first);
        await (await admin.ReviewAsync(second, new { decision = "PROPOSE", specialtyRequirementsVerified = true }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "quota.exhausted");
        await (await admin.ReviewAsync(first, new { decision = "REJECT" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "review.reason_required");
        await (await admin.ReviewAsync(first, new { decision = "REJECT", reason = "outpatient experience not shown" })).ShouldBeSuccessAsync();
        await admin.ProposeAsync(second);

        var mine = await (await firstClient.GetAsync("/api/advanced-fellowship/me/application")).JsonAsync();
        mine.GetProperty("status").GetString().ShouldBe("REJECTED");
        mine.GetProperty("reason").GetString().ShouldBe("outpatient experience not shown");
        await (await firstClient.ApplyAsync(Physician(6, day), cycle.Id)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.invalid_status");
    }

    [Fact]
    public async Task A_withdrawal_after_proposal_frees_the_place_and_the_public_list_shows_the_admitted_FEL_12()
    {
        var cycle = await Cycles.CreateAsync(app, Cycles.OnlyRow(7, 1));
        var day = Cycles.Day(cycle.Id, 5, 15);
        var (first, firstClient, _) = await SubmittedAsync(app, Physician(7, day), cycle.Id, cycle);
        var (second, _, _) = await SubmittedAsync(app, Physician(7, day), cycle.Id, cycle);
        using var admin = await app.SignedInAsync(Admin);
        await admin.ProposeAsync(first);
        using var anonymous = app.Anonymous();
        var list = await (await anonymous.GetAsync($"/api/advanced-fellowship/cycles/{cycle.Id}/admitted")).JsonAsync();
        list.GetProperty("total").GetInt64().ShouldBe(1);
        var item = list.GetProperty("items")[0];
        item.GetProperty("department").GetString().ShouldBe("Nephrology");
        item.GetProperty("sendingUnit").GetString().ShouldBe(Unit);
        item.TryGetProperty("documentNumber", out _).ShouldBeFalse();

        await (await firstClient.DeleteAsync($"/api/advanced-fellowship/me/application?year={cycle.Id}&reason=family")).ShouldBeSuccessAsync();
        await admin.ProposeAsync(second);
        (await (await anonymous.GetAsync($"/api/advanced-fellowship/cycles/{cycle.Id}/admitted")).JsonAsync()).GetProperty("total").GetInt64().ShouldBe(1);
        await (await anonymous.GetAsync("/api/advanced-fellowship/cycles/1999/admitted")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cycle.not_found");
    }

    [Fact]
    public async Task Beyond_the_intake_band_a_proposal_needs_a_reason_and_places_move_between_rows_only_with_one_FEL_10()
    {
        var cycle = await Cycles.CreateAsync(app, Cycles.OnlyRow(1, 2), body => body["intakeBand"] = new { min = 0, max = 1 });
        var day = Cycles.Day(cycle.Id, 5, 15);
        var (first, _, _) = await SubmittedAsync(app, Physician(1, day), cycle.Id, cycle);
        var (second, _, _) = await SubmittedAsync(app, Physician(1, day), cycle.Id, cycle);
        using var admin = await app.SignedInAsync(Admin);
        await admin.ProposeAsync(first);
        await (await admin.ReviewAsync(second, new { decision = "PROPOSE", specialtyRequirementsVerified = true }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "review.intake_band_exceeded");
        await (await admin.ReviewAsync(second, new { decision = "PROPOSE", specialtyRequirementsVerified = true, intakeBandReason = "regional shortage of cardiologists" }))
            .ShouldBeSuccessAsync();
        var selection = await (await admin.GetAsync($"/api/advanced-fellowship/cycles/{cycle.Id}/selection")).JsonAsync();
        selection.GetProperty("warnings").EnumerateArray().Select(w => w.GetString()).ShouldBe(["ABOVE_INTAKE_BAND"]);

        var transfers = $"/api/advanced-fellowship/cycles/{cycle.Id}/quota-transfers";
        await (await admin.PostJsonAsync(transfers, new { fromPositionNo = 1, toPositionNo = 2, places = 1, reason = "unused" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "quota.transfer_exceeds_free_places");
        await (await admin.PostJsonAsync(transfers, new { fromPositionNo = 3, toPositionNo = 2, places = 1 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "quota.reason_required");
        // a released place of row 1 may move to row 3, with its reason
        await (await admin.ReviewAsync(second, new { decision = "REJECT", reason = "band" })).ShouldBeSuccessAsync();
        var moved = await (await admin.PostJsonAsync(transfers, new { fromPositionNo = 1, toPositionNo = 3, places = 1, reason = "no second cardiologist" })).JsonAsync();
        moved.GetProperty("fromQuota").GetInt32().ShouldBe(1);
        moved.GetProperty("toQuota").GetInt32().ShouldBe(1);
        selection = await (await admin.GetAsync($"/api/advanced-fellowship/cycles/{cycle.Id}/selection")).JsonAsync();
        selection.GetProperty("totalQuota").GetInt32().ShouldBe(2);
        selection.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("positionNo").GetInt32() == 3).GetProperty("adjustment").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task Only_the_fellowship_admin_reviews_and_lists()
    {
        app.Clock.Set(2024, 5, 20);
        var (id, client, _) = await SubmittedAsync(app, Physician(9));
        await (await client.GetAsync("/api/advanced-fellowship/applications")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await client.ReviewAsync(id, new { decision = "PROPOSE" })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        using var center = await app.SignedInAsync("t-center");
        await (await center.GetAsync("/api/advanced-fellowship/applications")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        using var admin = await app.SignedInAsync(Admin);
        var detail = await (await admin.GetAsync($"/api/advanced-fellowship/applications/{id}")).JsonAsync();
        detail.GetProperty("application").GetProperty("status").GetString().ShouldBe("SUBMITTED");
        detail.GetProperty("application").GetProperty("documents").GetArrayLength().ShouldBe(RequiredFor(Physician(9)).Count);
        (await (await admin.GetAsync($"/api/advanced-fellowship/applications/{id}/documents/ENDOSCOPY_QUALIFICATION")).Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
        await (await admin.GetAsync("/api/advanced-fellowship/applications?pageSize=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_paging");
        await (await admin.GetAsync("/api/advanced-fellowship/applications?status=LOST")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_filter");
        await (await admin.GetAsync($"/api/advanced-fellowship/applications/{Guid.NewGuid()}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "application.not_found");
    }
}
