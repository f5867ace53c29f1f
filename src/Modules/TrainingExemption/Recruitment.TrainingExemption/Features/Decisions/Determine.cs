namespace Recruitment.TrainingExemption.Features.Decisions;

public sealed record DeterminationRequest(string? Decision, int? ApprovedMonths, IReadOnlyList<MakeUpItem>? MakeUpItems, string? Reason);

public sealed record DetermineExemption(Guid RequestId, string Actor, DeterminationRequest Request);

internal sealed record ReopenRequest(string? Reason);

public sealed record ReopenDetermination(Guid RequestId, string Actor, string? Reason);

public sealed record DeterminationResult(Guid RequestId, string Status, int TrainingMonths, int Revision, bool AfterDeadline);

/// <summary>
/// POST /api/training-exemption/requests/{requestId}/determination (center): the expert determination
/// (EXM-07..EXM-10), approved with whole months below the standard and make-up items summing to them, or
/// rejected with a reason (standard duration). It is final and overrides the base (EXM-09), and goes to
/// Enrollment (training months) and Rotation (make-up content: rotation departments of its catalogue, ROT-04) as <see cref="ExemptionDecided"/>. A
/// decision after the deadline is accepted and flagged; it re-issues the plan downstream (EXM-08).
/// POST .../reopen (center, with reason) returns a decided request to ASSESSED for a new decision.
/// </summary>
internal sealed class DetermineEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.ExemptionApi();
        api.MapPost("/requests/{requestId:guid}/determination", (Guid requestId, DeterminationRequest body, Caller caller, IMessageBus bus,
                CancellationToken ct) => bus.SendAsync<DeterminationResult>(new DetermineExemption(requestId, caller.Actor, body), ct))
            .RequireAuthorization(Policies.CenterAdmin);
        api.MapPost("/requests/{requestId:guid}/reopen", (Guid requestId, ReopenRequest body, Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<DeterminationResult>(new ReopenDetermination(requestId, caller.Actor, body.Reason), ct))
            .RequireAuthorization(Policies.CenterAdmin);
    }
}

[MartenStore(typeof(ITrainingExemptionStore))]
public static class DetermineHandler
{
    public static async Task<(Outcome<DeterminationResult>, ExemptionDecided?)> Handle(DetermineExemption command, IDocumentSession session,
        TimeProvider clock, IMessageBus bus, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<ExemptionCase>(command.RequestId, ct);
        if (stream.Aggregate is not { } request) return (ExemptionAccess.NotFound(command.RequestId), null);
        if (request.Status is ExemptionStatus.APPROVED or ExemptionStatus.REJECTED)
            return (Refusal.Conflict("exemption.decided", "The request is decided; reopen it (with a reason) to decide again."), null);
        if (request.Status != ExemptionStatus.ASSESSED)
            return (Refusal.Conflict("exemption.out_of_order", $"The request is {request.Status}; the decision follows the capability assessment (EXM-08)."),
                null);
        var cycle = (await session.LoadAsync<ExemptionCycle>(request.Year, ct))!;

        var r = command.Request;
        Outcome<Determination> decided = r.Decision?.ToUpperInvariant() switch
        {
            "APPROVE" => Approve(r, cycle, await MakeUpDepartments.CatalogueAsync(bus, r.MakeUpItems, ct), command.Actor, now),
            "REJECT" => string.IsNullOrWhiteSpace(r.Reason)
                ? (Outcome<Determination>)Refusal.Invalid("exemption.reason_required", "A rejection states its reason (EXM-08).")
                : new Determination(false, cycle.StandardResidencyMonths, [], r.Reason.Trim(), command.Actor, now, now.IsPast(cycle.DecisionDeadline)),
            _ => Refusal.Invalid("exemption.invalid_decision", "decision must be APPROVE or REJECT."),
        };
        if (decided.Refused(out var refused, out var determination)) return (refused, null);
        var revision = request.Revision + 1;
        stream.AppendOne(new ExemptionDetermined(determination, revision, command.Actor, now));
        return (new DeterminationResult(request.Id, determination.Approved ? "APPROVED" : "REJECTED", determination.TrainingMonths, revision,
                determination.AfterDeadline),
            new ExemptionDecided(request.Id, request.Year, determination.Approved, determination.TrainingMonths, determination.MakeUpItems,
                determination.Reason, revision, now));
    }

    public static async Task<Outcome<DeterminationResult>> Handle(ReopenDetermination command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Refusal.Invalid("exemption.reason_required", "Reopening a decision states its reason.");
        var stream = await session.Events.FetchForWriting<ExemptionCase>(command.RequestId, ct);
        if (stream.Aggregate is not { } request) return ExemptionAccess.NotFound(command.RequestId);
        if (request.Status is not (ExemptionStatus.APPROVED or ExemptionStatus.REJECTED))
            return Refusal.Conflict("exemption.not_decided", $"The request is {request.Status}; only a decided request is reopened.");
        stream.AppendOne(new DeterminationReopened(command.Reason.Trim(), command.Actor, clock.GetUtcNow()));
        return new DeterminationResult(request.Id, nameof(ExemptionStatus.ASSESSED), request.Determination!.TrainingMonths, request.Revision, false);
    }

    private static Outcome<Determination> Approve(DeterminationRequest r, ExemptionCycle cycle, Func<string, bool> isDepartment, string actor,
        DateTimeOffset now)
    {
        if (r.ApprovedMonths is not { } months) return Refusal.Invalid("exemption.invalid_months", "approvedMonths is required.");
        if (ExemptionRules.MonthsProblem(months, r.MakeUpItems, cycle, isDepartment) is { } invalid) return invalid;
        return new Determination(true, months, ExemptionRules.Normalise(r.MakeUpItems!), r.Reason?.Trim(), actor, now, now.IsPast(cycle.DecisionDeadline));
    }
}
