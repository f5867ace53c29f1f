using Recruitment.Enrollment.Features.Notices;
using Recruitment.Publications.Contracts;

namespace Recruitment.Enrollment.Features.Departures;

public sealed record RevocationRequest(string? Reason);

public sealed record RevokeAdmission(Guid ApplicationId, Caller Caller, RevocationRequest Request);

/// <summary>
/// POST /api/enrollment/applications/{applicationId}/revocation (the PHC only): after admission only the PHC
/// revokes, stating the verified false information (ENR-16, ENR-67): REVOKED, terminal, from ADMITTED up to and
/// including training (REPORTED), or a NOT_REPORTED trainee. The place returns to its cell (ENR-68) and Rotation
/// and TrainingExemption are told (ENR-69). Before admission a base or the center cancels instead.
/// </summary>
internal sealed class RevokeAdmissionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/applications/{applicationId:guid}/revocation", (Guid applicationId, RevocationRequest body, Caller caller,
                IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<ApplicationResult>(new RevokeAdmission(applicationId, caller, body), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.PhcAdmin).WithTags("Enrollment: admission");
}

[MartenStore(typeof(IEnrollmentStore))]
public static class RevokeAdmissionHandler
{
    public static async Task<(Outcome<ApplicationResult>, TraineeDeparted?, WithdrawDocument?)> Handle(
        RevokeAdmission command, IDocumentSession session, TimeProvider clock, IMessageContext bus, CancellationToken ct)
    {
        if (!command.Caller.Is(Roles.PhcAdmin))
            return (Refusal.Forbidden("revocation.phc_only", "After admission only the PHC revokes (ENR-67)."), null, null);
        if (DepartureWork.Reason(command.Request.Reason, "revocation.reason_required") is { } noReason) return (noReason, null, null);
        var stream = await session.Events.FetchForWriting<Application>(command.ApplicationId, ct);
        if (stream.Aggregate is not { } a) return (Refusal.NotFound("application.not_found", $"No application {command.ApplicationId}."), null, null);
        if (a.Status is not (ApplicationStatus.ADMITTED or ApplicationStatus.REPORTED or ApplicationStatus.NOT_REPORTED))
            return (Refusal.Conflict("revocation.invalid_status",
                $"The PHC revokes an admitted trainee (ENR-67); the application is {a.Status}. Before admission a base or the center cancels it."), null, null);
        var departed = await new DepartureWork(session).LeaveAsync(stream, Departure.REVOKED, command.Request.Reason!.Trim(), command.Caller.Actor,
            clock.GetUtcNow(), ct);
        await EnrollmentNotices.TellDepartedAsync(session, bus, a, Departure.REVOKED, departed.Reason, ct);
        return (new ApplicationResult(a.Id, nameof(ApplicationStatus.REVOKED)), departed,
            DepartureWork.NoticeWithdrawn(a.Id, Departure.REVOKED, departed.At));
    }
}
