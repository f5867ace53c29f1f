namespace Recruitment.Rotation.Features.Plans;

internal sealed record BlockRequest(string? Department, DateOnly? Start, DateOnly? End);

internal sealed record EditPlanRequest(List<BlockRequest>? Blocks, string? Reason);

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
        app.MapPut("/api/rotation/trainees/{traineeId:guid}/plan", async (Guid traineeId, EditPlanRequest body, HttpContext http,
                IRotationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.LightweightSession();
                var c = await PlanContext.ForStaffAsync(session, traineeId, http, ct);
                c.EnsureReady();
                var known = (await session.Query<Department>().Select(d => d.Id).ToListAsync(ct)).ToHashSet();
                var blocks = PlanRules.Validate(body.Blocks?.Select(b => new BlockInput(b.Department ?? "", b.Start ?? default, b.End ?? default)).ToList(),
                    c.Demand, known);
                PlanRules.EnsureImmutableKept(c.Plan, blocks);
                var now = clock.GetUtcNow();
                if (c.Plan is null)
                    session.Events.StartStream<RotationPlan>(traineeId, new PlanGenerated(traineeId, c.Trainee.Year, c.Trainee.BaseCode, c.Demand.Reduced,
                        c.Demand.Months, blocks, "EDIT", http.User.Actor(), now));
                else
                    (await session.Events.FetchForWriting<RotationPlan>(traineeId, ct)).AppendOne(
                        new PlanEdited(c.Demand.Reduced, c.Demand.Months, blocks, "EDIT", body.Reason?.Trim(), http.User.Actor(), now));
                await session.SaveChangesAsync(ct);
                return await ViewAfterAsync(store, traineeId, now, ct);
            })
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Rotation");

        app.MapPost("/api/rotation/trainees/{traineeId:guid}/plan/submit", async (Guid traineeId, HttpContext http, IRotationStore store,
                TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.LightweightSession();
                var c = await ForChangeAsync(session, traineeId, http, ct);
                var stream = await session.Events.FetchForWriting<RotationPlan>(traineeId, ct);
                var plan = c.Plan!;
                if (plan.Status == PlanStatus.APPROVED) throw DomainException.Conflict("plan.already_approved", "The plan is approved.");
                if (plan.Status != PlanStatus.DRAFT) throw DomainException.Conflict("plan.already_submitted", $"The plan is {plan.Status}.");
                stream.AppendOne(new PlanSubmitted(http.User.Actor(), clock.GetUtcNow()));
                await session.SaveChangesAsync(ct);
                return await ViewAfterAsync(store, traineeId, clock.GetUtcNow(), ct);
            })
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Rotation");

        app.MapPost("/api/rotation/trainees/{traineeId:guid}/plan/approve", async (Guid traineeId, HttpContext http, IRotationStore store,
                TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.LightweightSession();
                var c = await ForChangeAsync(session, traineeId, http, ct);
                var stream = await session.Events.FetchForWriting<RotationPlan>(traineeId, ct);
                var plan = c.Plan!;
                var byCenter = http.User.IsInRole(Roles.CenterAdmin);
                if (plan.Status == PlanStatus.APPROVED) throw DomainException.Conflict("plan.already_approved", "The plan is approved.");
                if (plan.Reduced)
                {
                    if (!byCenter)
                        throw DomainException.Forbidden("plan.center_approval_required", "A reduced-year plan is approved by the center only (ROT-05, ROT-07).");
                    if (plan.Status != PlanStatus.PENDING_CENTER_REVIEW)
                        throw DomainException.Conflict("plan.not_submitted", "Submit the reduced-year plan to the center first (ROT-05).");
                }
                else if (byCenter)
                {
                    throw DomainException.Forbidden("plan.base_approval_required", "A standard-duration plan is approved by its base (ROT-07).");
                }
                stream.AppendOne(new PlanApproved(byCenter, http.User.Actor(), clock.GetUtcNow()));
                await session.SaveChangesAsync(ct);
                return await ViewAfterAsync(store, traineeId, clock.GetUtcNow(), ct);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Rotation");

        app.MapPost("/api/rotation/trainees/{traineeId:guid}/plan/blocks/{index:int}/start", async (Guid traineeId, int index, HttpContext http,
                IRotationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.LightweightSession();
                var c = await ForChangeAsync(session, traineeId, http, ct);
                var stream = await session.Events.FetchForWriting<RotationPlan>(traineeId, ct);
                var plan = c.Plan!;
                var block = BlockAt(plan, index);
                if (plan.Status != PlanStatus.APPROVED)
                    throw plan.Reduced
                        ? DomainException.Conflict("plan.awaiting_center_approval",
                            "A reduced-year plan is executed only after the center approves it: no block can start or count before (ROT-05).")
                        : DomainException.Conflict("plan.not_approved", "Only an approved plan is executed (ROT-07).");
                if (block.Status != BlockStatus.PLANNED) throw DomainException.Conflict("block.already_started", $"Block {index} is {block.Status}.");
                if (index > 0 && plan.Blocks[index - 1].Status != BlockStatus.COMPLETED)
                    throw DomainException.Conflict("block.out_of_order", $"Block {index - 1} has not been completed.");
                var now = clock.GetUtcNow();
                if (ChinaTime.Date(now) < block.Start)
                    throw DomainException.Conflict("block.not_due", $"Block {index} starts on {block.Start:yyyy-MM-dd}.");
                stream.AppendOne(new BlockStarted(index, block.Department, http.User.Actor(), now));
                await session.SaveChangesAsync(ct);
                return await ViewAfterAsync(store, traineeId, now, ct);
            })
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Rotation");

        app.MapPost("/api/rotation/trainees/{traineeId:guid}/plan/blocks/{index:int}/complete", async (Guid traineeId, int index, HttpContext http,
                IRotationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.LightweightSession();
                var c = await ForChangeAsync(session, traineeId, http, ct);
                var stream = await session.Events.FetchForWriting<RotationPlan>(traineeId, ct);
                var block = BlockAt(c.Plan!, index);
                if (block.Status != BlockStatus.IN_PROGRESS) throw DomainException.Conflict("block.not_in_progress", $"Block {index} is {block.Status}.");
                var now = clock.GetUtcNow();
                if (ChinaTime.Date(now) < block.End)
                    throw DomainException.Conflict("block.not_finished", $"Block {index} runs until {block.End:yyyy-MM-dd}.");
                stream.AppendOne(new BlockCompleted(index, block.Department, http.User.Actor(), now));
                await session.SaveChangesAsync(ct);
                return await ViewAfterAsync(store, traineeId, now, ct);
            })
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Rotation");
    }

    private static async Task<PlanContext> ForChangeAsync(IDocumentSession session, Guid traineeId, HttpContext http, CancellationToken ct)
    {
        var c = await PlanContext.ForStaffAsync(session, traineeId, http, ct);
        if (c.Plan is null) throw DomainException.NotFound("plan.not_found", "The trainee has no rotation plan yet.");
        if (c.Plan.ReissueRequired)
            throw DomainException.Conflict("plan.reissue_required", $"The plan must be replanned first: {c.Plan.ReissueReason} (EXM-08).");
        return c;
    }

    private static PlanBlock BlockAt(RotationPlan plan, int index) =>
        index >= 0 && index < plan.Blocks.Count ? plan.Blocks[index] : throw DomainException.NotFound("block.not_found", $"The plan has no block {index}.");

    private static async Task<PlanView> ViewAfterAsync(IRotationStore store, Guid traineeId, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await PlanViewEndpoints.ViewAsync(session, await PlanContext.LoadAsync(session, traineeId, ct), now, ct);
    }
}
