using Recruitment.Enrollment.Contracts;
using Recruitment.Rotation.Features.Alerts;
using Wolverine;

namespace Recruitment.Rotation.Tests;

/// <summary>Hand-edited plans at B01: ROT-06 on every change, approval by the right actor, execution, orientation, daily flags.</summary>
[Collection(RotationCollection.Name)]
public sealed class PlanTests(RecruitmentApp app)
{
    private static string Plan(Guid id, string tail = "") => $"/api/rotation/trainees/{id}/plan{tail}";

    [Fact]
    public async Task Bad_plans_are_refused_with_stable_codes_and_nothing_changes_ROT_06()
    {
        app.Clock.Set(2024, 8, 26);
        await Trainees.CycleReadyAsync(app);
        var id = await Trainees.AdmitAsync(app, "B01");
        var reduced = await Trainees.AdmitAsync(app, "B01", reduced: true, months: 24);
        using var b01 = await app.SignedInAsync("t-b01");

        await (await b01.PutAsJsonAsync(Plan(id), new { blocks = Trainees.Blocks(("SURG", 12), ("EM", 12)) })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "plan.wrong_end");
        await (await b01.PutAsJsonAsync(Plan(id), new { blocks = new[] { Trainees.Block("SURG", Trainees.Start, 12), Trainees.Block("EM", Trainees.Start.AddMonths(13), 23) } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "plan.gap");
        await (await b01.PutAsJsonAsync(Plan(id), new { blocks = new[] { Trainees.Block("SURG", Trainees.Start, 12), Trainees.Block("EM", Trainees.Start.AddMonths(11), 25) } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "plan.overlap");
        await (await b01.PutAsJsonAsync(Plan(id), new { blocks = Trainees.Blocks(("CARDIO", 36)) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "plan.unknown_department");
        (await (await b01.GetAsync(Plan(id))).JsonAsync()).GetProperty("status").GetString().ShouldBe("NONE");

        // Reduced-year trainee: nothing can be planned before the center's make-up content arrives; then only those items.
        await (await b01.PutAsJsonAsync(Plan(reduced), new { blocks = Trainees.Blocks(("GP", 18), ("PED", 6)) }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "trainee.make_up_pending");
        await Trainees.DecideAsync(app, reduced, 24, 1, ("GP", 18), ("PED", 6));
        await (await b01.PutAsJsonAsync(Plan(reduced), new { blocks = Trainees.Blocks(("GP", 18), ("SURG", 6)) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "plan.outside_make_up");
        await (await b01.PutAsJsonAsync(Plan(reduced), new { blocks = Trainees.Blocks(("GP", 20), ("PED", 4)) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "plan.make_up_short");

        using var b02 = await app.SignedInAsync("t-b02");
        await (await b02.PutAsJsonAsync(Plan(id), new { blocks = await Trainees.GpTemplateBlocksAsync(app) })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        await (await b02.GetAsync(Plan(id))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
    }

    [Fact]
    public async Task The_base_approves_a_standard_plan_a_change_returns_it_to_review_and_running_blocks_are_immutable_ROT_07_ROT_08()
    {
        app.Clock.Set(2024, 8, 26);
        await Trainees.CycleReadyAsync(app);
        var id = await Trainees.AdmitAsync(app, "B01");
        using var b01 = await app.SignedInAsync("t-b01");
        using var center = await app.SignedInAsync("t-center");
        var blocks = await Trainees.GpTemplateBlocksAsync(app);
        var drafted = await (await b01.PutAsJsonAsync(Plan(id), new { blocks })).JsonAsync();
        drafted.GetProperty("status").GetString().ShouldBe("DRAFT");
        drafted.GetProperty("warnings").GetArrayLength().ShouldBe(0);
        await (await b01.PostAsync(Plan(id, "/blocks/0/start"), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "plan.not_approved");
        await (await center.PostAsync(Plan(id, "/approve"), null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "plan.base_approval_required");
        (await (await b01.PostAsync(Plan(id, "/approve"), null)).JsonAsync()).GetProperty("executable").GetBoolean().ShouldBeTrue();

        await (await b01.PostAsync(Plan(id, "/blocks/0/start"), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "block.not_due");
        app.Clock.Set(2024, 9, 2);
        using var later = await app.SignedInAsync("t-b01");
        await (await later.PostAsync(Plan(id, "/blocks/1/start"), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "block.out_of_order");
        var started = await (await later.PostAsync(Plan(id, "/blocks/0/start"), null)).JsonAsync();
        started.GetProperty("blocks")[0].GetProperty("status").GetString().ShouldBe("IN_PROGRESS");
        started.GetProperty("traineeStatus").GetString().ShouldBe("IN_TRAINING");
        await (await later.PostAsync(Plan(id, "/blocks/0/complete"), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "block.not_finished");

        // Replacing the running first block is refused; a change that keeps it returns the approved plan to the base's review.
        var reordered = (object[])blocks.Clone();
        await (await later.PutAsJsonAsync(Plan(id), new { blocks = Trainees.Blocks(("SURG", 3), ("IM-CARD", 3), ("IM-RESP", 30)) }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "block.immutable");
        var edited = await (await later.PutAsJsonAsync(Plan(id), new { blocks = reordered, reason = "same plan, re-sent" })).JsonAsync();
        edited.GetProperty("status").GetString().ShouldBe("PENDING_BASE_APPROVAL");
        edited.GetProperty("blocks")[0].GetProperty("status").GetString().ShouldBe("IN_PROGRESS");
        edited.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString())
            .ShouldBe(["plan-generated", "plan-approved", "block-started", "plan-edited"]);
    }

    [Fact]
    public async Task Orientation_is_recorded_and_the_daily_check_flags_what_is_missing_ROT_01_ROT_03_ROT_09()
    {
        app.Clock.Set(2024, 8, 28);
        await Trainees.CycleReadyAsync(app);
        var id = await Trainees.AdmitAsync(app, "B01");
        var reduced = await Trainees.AdmitAsync(app, "B01", reduced: true, months: 24);
        await Trainees.DecideAsync(app, reduced, 24, 1, ("GP", 18), ("PED", 6));
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync($"/api/rotation/trainees/{id}/orientation", new { kind = "HOSPITAL", completedOn = "2024-08-29" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orientation.future_date");
        await (await b01.PostAsJsonAsync($"/api/rotation/trainees/{id}/orientation", new { kind = "CANTEEN", completedOn = "2024-08-27" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orientation.invalid_kind");
        await (await b01.PostAsJsonAsync($"/api/rotation/trainees/{id}/orientation", new { kind = "HOSPITAL", completedOn = "2024-08-27" })).ShouldBeSuccessAsync();
        var both = await (await b01.PostAsJsonAsync($"/api/rotation/trainees/{reduced}/orientation", new { kind = "HOSPITAL", completedOn = "2024-08-27" })).JsonAsync();
        both.GetProperty("complete").GetBoolean().ShouldBeFalse();
        (await (await b01.PostAsJsonAsync($"/api/rotation/trainees/{reduced}/orientation", new { kind = "DEPARTMENT", completedOn = "2024-08-28" })).JsonAsync())
            .GetProperty("complete").GetBoolean().ShouldBeTrue();

        // The deadline check is a durable scheduled message stored when the cycle was published.
        var scheduled = await app.Database.ScalarAsync<long>(
            "select count(*) from wolverine.wolverine_incoming_envelopes where message_type like '%RunDailyRotationCheck%' and status = 'Scheduled'");
        scheduled.ShouldBeGreaterThanOrEqualTo(1);

        app.Clock.Set(2024, 9, 1, 0, 0, 5);
        await app.Service<IMessageBus>().InvokeAsync(new RunDailyRotationCheck(2024));
        using var center = await app.SignedInAsync("t-center");
        var alerts = await (await center.GetAsync("/api/rotation/alerts?date=2024-09-01&baseCode=B01&pageSize=100")).JsonAsync();
        var mine = alerts.GetProperty("items").EnumerateArray()
            .Where(a => a.GetProperty("traineeId").GetGuid() == id || a.GetProperty("traineeId").GetGuid() == reduced)
            .Select(a => (a.GetProperty("traineeId").GetGuid(), a.GetProperty("code").GetString())).ToList();
        mine.ShouldContain((id, "NO_APPROVED_PLAN"));
        mine.ShouldContain((id, "ORIENTATION_INCOMPLETE"));
        mine.ShouldContain((reduced, "AWAITING_PLAN_APPROVAL"));
        mine.ShouldNotContain((reduced, "ORIENTATION_INCOMPLETE"));
        var forCenter = await (await center.GetAsync("/api/rotation/alerts?date=2024-09-01&forCenter=true&pageSize=100")).JsonAsync();
        forCenter.GetProperty("items").EnumerateArray().ShouldContain(a => a.GetProperty("traineeId").GetGuid() == reduced);
        var total = alerts.GetProperty("total").GetInt64();

        // A second run the same day adds nothing; the trainee's view shows its status and flags.
        await app.Service<IMessageBus>().InvokeAsync(new RunDailyRotationCheck(2024));
        (await (await center.GetAsync("/api/rotation/alerts?date=2024-09-01&baseCode=B01&pageSize=100")).JsonAsync()).GetProperty("total").GetInt64().ShouldBe(total);
        var view = await (await center.GetAsync(Plan(reduced))).JsonAsync();
        view.GetProperty("traineeStatus").GetString().ShouldBe("AWAITING_PLAN_APPROVAL");
        view.GetProperty("trainingEnd").GetString().ShouldBe("2026-08-31");
    }

    [Fact]
    public async Task Admissions_are_idempotent_by_revision_and_new_training_months_reissue_the_plan()
    {
        app.Clock.Set(2024, 8, 26);
        await Trainees.CycleReadyAsync(app);
        var id = await Trainees.AdmitAsync(app, "B01");
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PutAsJsonAsync(Plan(id), new { blocks = await Trainees.GpTemplateBlocksAsync(app) })).ShouldBeSuccessAsync();
        await (await b01.PostAsync(Plan(id, "/approve"), null)).ShouldBeSuccessAsync();

        // Revision 2: the center reduced the training; the plan goes back to DRAFT until replanned from the make-up items.
        await Trainees.AdmitAsync(app, "B01", reduced: true, months: 24, id: id, revision: 2);
        var reissued = await (await b01.GetAsync(Plan(id))).JsonAsync();
        reissued.GetProperty("status").GetString().ShouldBe("DRAFT");
        reissued.GetProperty("reissueRequired").GetBoolean().ShouldBeTrue();
        reissued.GetProperty("pendingCode").GetString().ShouldBe("trainee.make_up_pending");
        await (await b01.PostAsync(Plan(id, "/approve"), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "plan.reissue_required");

        // A late, older revision changes nothing.
        await app.Service<IMessageBus>().InvokeAsync(new TraineeAdmitted(id, null, 2024, Track.RESIDENCY, "B01", "GP", null, "x", 36,
            Trainees.Start, false, 1, DateTimeOffset.UtcNow));
        (await (await b01.GetAsync(Plan(id))).JsonAsync()).GetProperty("reducedYears").GetBoolean().ShouldBeTrue();

        await Trainees.DecideAsync(app, id, 24, 1, ("GP", 24));
        var replanned = await (await b01.PutAsJsonAsync(Plan(id), new { blocks = Trainees.Blocks(("GP", 24)) })).JsonAsync();
        replanned.GetProperty("reissueRequired").GetBoolean().ShouldBeFalse();
        replanned.GetProperty("trainingEnd").GetString().ShouldBe("2026-08-31");
    }

    [Fact]
    public async Task A_trainee_sees_their_own_plan()
    {
        app.Clock.Set(2024, 8, 26);
        await Trainees.CycleReadyAsync(app);
        var idNumber = TestIds.NewResidentId();
        using var anyone = app.Anonymous();
        await (await anyone.PostAsJsonAsync("/api/enrollment/accounts",
            new { documentNumber = idNumber, password = "Applicant-2024", name = "学员", mobile = "13812345678" })).ShouldBeSuccessAsync();
        using var trainee = await app.SignedInAsync(idNumber, "Applicant-2024");
        await (await trainee.GetAsync("/api/rotation/me/plan")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "trainee.not_found");
        var accountId = Guid.Parse((await (await trainee.GetAsync("/api/auth/whoami")).JsonAsync()).GetProperty("subject").GetString()!);
        var id = await Trainees.AdmitAsync(app, "B07", "GP", Track.ASSISTANT_GP, months: 24, applicantId: accountId);
        var mine = await (await trainee.GetAsync("/api/rotation/me/plan")).JsonAsync();
        mine.GetProperty("traineeId").GetGuid().ShouldBe(id);
        mine.GetProperty("trainingMonths").GetInt32().ShouldBe(24);
        mine.GetProperty("templateCode").GetString().ShouldBe("ASSISTANT_GP");
        (await trainee.GetAsync(Plan(id))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
