namespace Recruitment.Enrollment.Features.Admission;

public sealed record ReturnCandidateRequest(string? Reason);

public sealed record ReturnCandidate(Guid ApplicationId, Caller Caller, ReturnCandidateRequest Request);

/// <summary>
/// POST /api/enrollment/applications/{applicationId}/return (the center or the PHC): instead of sending a whole batch
/// on, the center returns one candidate it is reviewing (PROPOSED) and the PHC one it is re-checking
/// (CENTER_REVIEWED), with a reason (ENR-57). The proposal is withdrawn: the place goes back to its cell (ENR-51,
/// ENR-68) and the candidate becomes NOT_PROPOSED, so only a PHC round can place them again (ENR-53); the rest of
/// the batch goes on through the whole-batch steps. Before the proposal lock the base withdraws its own proposal.
/// </summary>
internal sealed class ReturnCandidateEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/applications/{applicationId:guid}/return", (Guid applicationId, ReturnCandidateRequest body, Caller caller,
                IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<ApplicationResult>(new ReturnCandidate(applicationId, caller, body), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.CenterOrPhcAdmin).WithTags("Enrollment: admission");
}

[MartenStore(typeof(IEnrollmentStore))]
public static class ReturnCandidateHandler
{
    public static async Task<Outcome<ApplicationResult>> Handle(ReturnCandidate command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var caller = command.Caller;
        // Who returns at which step (ENR-57): the center what waits for its review, the PHC what waits for its re-check.
        var (waiting, step) = caller.Is(Roles.CenterAdmin) ? (ApplicationStatus.PROPOSED, "center-review")
            : caller.Is(Roles.PhcAdmin) ? (ApplicationStatus.CENTER_REVIEWED, "recheck")
            : ((ApplicationStatus?)null, "");
        if (waiting is null) return Refusal.Forbidden("return.center_or_phc_only", "Only the center (at its review) or the PHC (at its re-check) returns a candidate (ENR-57).");
        var reason = command.Request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
            return Refusal.Invalid("return.reason_required", "Returning a candidate states the reason (at most 2,000 characters, ENR-57).");
        var stream = await session.Events.FetchForWriting<Application>(command.ApplicationId, ct);
        if (stream.Aggregate is not { } a) return Refusal.NotFound("application.not_found", $"No application {command.ApplicationId}.");
        if (a.Status != waiting)
            return Refusal.Conflict("return.invalid_status",
                $"At the {step} step a {waiting} candidate is returned (ENR-57); this application is {a.Status}.");
        var cycle = (await session.LoadAsync<RecruitmentCycle>(a.Year, ct))!;
        var now = clock.GetUtcNow();
        if (!now.IsPast(cycle.Calendar.ProposedAdmissionLock))
            return new Refusal("return.before_lock",
                $"Candidates are returned at the center review after the lock at {cycle.Calendar.ProposedAdmissionLock:O}; until then the base withdraws its proposal (ENR-50, ENR-57).");
        await CellLedgers.ReleaseAsync(session, a, ct);
        stream.AppendOne(new ProposalReturned(step, reason, caller.Actor, now));
        return new ApplicationResult(a.Id, nameof(ApplicationStatus.NOT_PROPOSED));
    }
}
