using JasperFx.Events;

namespace Recruitment.Rotation.Features.Plans;

public sealed record BlockRequest(string? Department, DateOnly? Start, DateOnly? End);

public sealed record EditPlanRequest(List<BlockRequest>? Blocks, string? Reason);

public sealed record EditPlan(Guid TraineeId, Caller Caller, EditPlanRequest Request);

public sealed record SubmitPlan(Guid TraineeId, Caller Caller);

public sealed record ApprovePlan(Guid TraineeId, Caller Caller);

public sealed record StartBlock(Guid TraineeId, int Index, Caller Caller);

public sealed record CompleteBlock(Guid TraineeId, int Index, Caller Caller);

/// <summary>Which trainee's plan changed, and when: the endpoint answers with the plan's view read after the commit.</summary>
public sealed record PlanChanged(Guid TraineeId, DateTimeOffset At);

/// <summary>
/// Changing and approving a plan (ROT-05..ROT-08), each an append to the trainee's plan stream:
/// PUT /api/rotation/trainees/{traineeId}/plan (the base's admin) hand-edits it, validated against ROT-06 and
/// keeping started or completed blocks as they are; a change to an approved plan returns it to review.
/// POST .../plan/submit sends it to its approver (the center for reduced-year plans). POST .../plan/approve:
/// the base approves standard plans, only the center approves reduced-year ones (ROT-07). POST
/// .../plan/blocks/{index}/start and .../complete (the base's admin) run the plan: a block starts only in an
/// approved plan (ROT-05: an unapproved reduced-year plan cannot start or count), on or after its start day,
/// after the block before it completed; it completes on or after its last day. Refusals change nothing.
/// </summary>
internal sealed class PlanCommandEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.RotationApi();
        api.MapPut("/trainees/{traineeId:guid}/plan", (Guid traineeId, EditPlanRequest body, Caller caller, IMessageBus bus,
                IRotationStore store, CancellationToken ct) => Send(bus, new EditPlan(traineeId, caller, body), store, ct))
            .RequireAuthorization(Policies.BaseAdmin);
        api.MapPost("/trainees/{traineeId:guid}/plan/submit", (Guid traineeId, Caller caller, IMessageBus bus, IRotationStore store,
                CancellationToken ct) => Send(bus, new SubmitPlan(traineeId, caller), store, ct))
            .RequireAuthorization(Policies.BaseAdmin);
        api.MapPost("/trainees/{traineeId:guid}/plan/approve", (Guid traineeId, Caller caller, IMessageBus bus, IRotationStore store,
                CancellationToken ct) => Send(bus, new ApprovePlan(traineeId, caller), store, ct))
            .RequireAuthorization(Policies.BaseOrCenterAdmin);
        api.MapPost("/trainees/{traineeId:guid}/plan/blocks/{index:int}/start", (Guid traineeId, int index, Caller caller, IMessageBus bus,
                IRotationStore store, CancellationToken ct) => Send(bus, new StartBlock(traineeId, index, caller), store, ct))
            .RequireAuthorization(Policies.BaseAdmin);
        api.MapPost("/trainees/{traineeId:guid}/plan/blocks/{index:int}/complete", (Guid traineeId, int index, Caller caller, IMessageBus bus,
                IRotationStore store, CancellationToken ct) => Send(bus, new CompleteBlock(traineeId, index, caller), store, ct))
            .RequireAuthorization(Policies.BaseAdmin);
    }

    /// <summary>Runs the change, then answers with the plan as it now reads.</summary>
    private static Task<IResult> Send(IMessageBus bus, object command, IRotationStore store, CancellationToken ct) =>
        bus.SendAsync<PlanChanged>(command, async changed =>
        {
            await using var session = store.QuerySession();
            var context = (await PlanContext.LoadAsync(session, changed.TraineeId, ct)).Value!;
            return Results.Ok(await context.ViewAsync(session, changed.At, ct));
        }, ct);
}

[MartenStore(typeof(IRotationStore))]
public static class PlanCommandsHandler
{
    public static async Task<Outcome<PlanChanged>> Handle(EditPlan command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if ((await PlanContext.ForStaffAsync(session, command.TraineeId, command.Caller, ct)).Refused(out var refused, out var c)) return refused;
        if (c.NotReady is { } notReady) return notReady;
        var known = await RotationAccess.DepartmentsAsync(session, ct);
        var validated = PlanRules.Validate(command.Request.Blocks?.Select(b => new BlockInput(b.Department ?? "", b.Start ?? default, b.End ?? default))
            .ToList(), c.Demand, known);
        if (validated.Refused(out var invalid, out var blocks)) return invalid;
        if (PlanRules.ImmutableChanged(c.Plan, blocks) is { } immutable) return immutable;
        var now = clock.GetUtcNow();
        var actor = command.Caller.Actor;
        if (c.Plan is null)
            session.Events.StartStream<RotationPlan>(command.TraineeId, new PlanGenerated(command.TraineeId, c.Trainee.Year, c.Trainee.BaseCode,
                c.Demand.Reduced, c.Demand.Months, blocks, "EDIT", actor, now));
        else
            (await session.Events.FetchForWriting<RotationPlan>(command.TraineeId, ct)).AppendOne(
                new PlanEdited(c.Demand.Reduced, c.Demand.Months, blocks, "EDIT", command.Request.Reason?.Trim(), actor, now));
        return new PlanChanged(command.TraineeId, now);
    }

    public static async Task<Outcome<PlanChanged>> Handle(SubmitPlan command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if ((await ForChangeAsync(session, command.TraineeId, command.Caller, ct)).Refused(out var refused, out var stream)) return refused;
        var plan = stream.Aggregate!;
        if (plan.Status == PlanStatus.APPROVED) return AlreadyApproved;
        if (plan.Status != PlanStatus.DRAFT) return Refusal.Conflict("plan.already_submitted", $"The plan is {plan.Status}.");
        return Append(stream, command.TraineeId, clock, now => new PlanSubmitted(command.Caller.Actor, now));
    }

    public static async Task<Outcome<PlanChanged>> Handle(ApprovePlan command, IDocumentSession session, TimeProvider clock, IMessageContext bus,
        CancellationToken ct)
    {
        if ((await ForChangeAsync(session, command.TraineeId, command.Caller, ct)).Refused(out var refused, out var stream)) return refused;
        var plan = stream.Aggregate!;
        var byCenter = command.Caller.Is(Roles.CenterAdmin);
        if (plan.Status == PlanStatus.APPROVED) return AlreadyApproved;
        if (plan.Reduced)
        {
            if (!byCenter)
                return Refusal.Forbidden("plan.center_approval_required", "A reduced-year plan is approved by the center only (ROT-05, ROT-07).");
            if (plan.Status != PlanStatus.PENDING_CENTER_REVIEW)
                return Refusal.Conflict("plan.not_submitted", "Submit the reduced-year plan to the center first (ROT-05).");
        }
        else if (byCenter)
        {
            return Refusal.Forbidden("plan.base_approval_required", "A standard-duration plan is approved by its base (ROT-07).");
        }
        await RotationNotices.PlanApprovedAsync(session, bus, plan, ct);
        return Append(stream, command.TraineeId, clock, now => new PlanApproved(byCenter, command.Caller.Actor, now));
    }

    public static async Task<Outcome<PlanChanged>> Handle(StartBlock command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var index = command.Index;
        if ((await ForChangeAsync(session, command.TraineeId, command.Caller, ct)).Refused(out var refused, out var stream)) return refused;
        var plan = stream.Aggregate!;
        if (BlockAt(plan, index).Refused(out var missing, out var block)) return missing;
        if (plan.Status != PlanStatus.APPROVED)
            return plan.Reduced
                ? Refusal.Conflict("plan.awaiting_center_approval",
                    "A reduced-year plan is executed only after the center approves it: no block can start or count before (ROT-05).")
                : Refusal.Conflict("plan.not_approved", "Only an approved plan is executed (ROT-07).");
        if (block.Status != BlockStatus.PLANNED) return Refusal.Conflict("block.already_started", $"Block {index} is {block.Status}.");
        if (index > 0 && plan.Blocks[index - 1].Status != BlockStatus.COMPLETED)
            return Refusal.Conflict("block.out_of_order", $"Block {index - 1} has not been completed.");
        if (ChinaTime.Date(clock.GetUtcNow()) < block.Start)
            return Refusal.Conflict("block.not_due", $"Block {index} starts on {block.Start:yyyy-MM-dd}.");
        return Append(stream, command.TraineeId, clock, now => new BlockStarted(index, block.Department, command.Caller.Actor, now));
    }

    public static async Task<Outcome<PlanChanged>> Handle(CompleteBlock command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var index = command.Index;
        if ((await ForChangeAsync(session, command.TraineeId, command.Caller, ct)).Refused(out var refused, out var stream)) return refused;
        if (BlockAt(stream.Aggregate!, index).Refused(out var missing, out var block)) return missing;
        if (block.Status != BlockStatus.IN_PROGRESS) return Refusal.Conflict("block.not_in_progress", $"Block {index} is {block.Status}.");
        if (ChinaTime.Date(clock.GetUtcNow()) < block.End)
            return Refusal.Conflict("block.not_finished", $"Block {index} runs until {block.End:yyyy-MM-dd}.");
        return Append(stream, command.TraineeId, clock, now => new BlockCompleted(index, block.Department, command.Caller.Actor, now));
    }

    private static Refusal AlreadyApproved => Refusal.Conflict("plan.already_approved", "The plan is approved.");

    /// <summary>The plan's stream to change: the caller's base, a plan that exists and needs no replanning first.</summary>
    private static async Task<Outcome<IEventStream<RotationPlan>>> ForChangeAsync(IDocumentSession session, Guid traineeId, Caller caller,
        CancellationToken ct)
    {
        if ((await PlanContext.ForStaffAsync(session, traineeId, caller, ct)).Refused(out var refused, out var c)) return refused;
        if (c.Plan is null) return Refusal.NotFound("plan.not_found", "The trainee has no rotation plan yet.");
        if (c.Plan.ReissueRequired)
            return Refusal.Conflict("plan.reissue_required", $"The plan must be replanned first: {c.Plan.ReissueReason} (EXM-08).");
        return new Outcome<IEventStream<RotationPlan>>(await session.Events.FetchForWriting<RotationPlan>(traineeId, ct));
    }

    private static PlanChanged Append(IEventStream<RotationPlan> stream, Guid traineeId, TimeProvider clock, Func<DateTimeOffset, object> change)
    {
        var now = clock.GetUtcNow();
        stream.AppendOne(change(now));
        return new PlanChanged(traineeId, now);
    }

    private static Outcome<PlanBlock> BlockAt(RotationPlan plan, int index) =>
        index >= 0 && index < plan.Blocks.Count ? plan.Blocks[index] : Refusal.NotFound("block.not_found", $"The plan has no block {index}.");
}
