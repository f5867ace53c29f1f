namespace Recruitment.Enrollment.Features.Review;

internal sealed record CancellationRequest(string? Reason);

public sealed record CancelApplication(Guid ApplicationId, string Actor, string? Reason);

/// <summary>
/// POST /api/enrollment/applications/{applicationId}/cancellation: verified false information cancels the
/// registration (ENR-16, ENR-41), by the base or the center, at any stage before admission, with a reason.
/// A rostered candidate leaves the exam roster.
/// </summary>
internal sealed class CancelApplicationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/applications/{applicationId:guid}/cancellation", async (Guid applicationId, CancellationRequest request,
                HttpContext http, IEnrollmentStore store, IMessageBus bus, CancellationToken ct) =>
            {
                await ApplicationAccess.EnsureStaffMayAct(store, applicationId, http.User, ct);
                return await bus.InvokeAsync<ApplicationResult>(new CancelApplication(applicationId, http.User.Actor(), request.Reason), ct);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Enrollment: bases");
}

[MartenStore(typeof(IEnrollmentStore))]
public static class CancelApplicationHandler
{
    public static async Task<(ApplicationResult, CandidateCancelled?)> Handle(CancelApplication command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(command.Reason))
            throw DomainException.Invalid("cancellation.reason_required", "A cancellation states the verified false information (ENR-16).");
        var now = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<Application>(command.ApplicationId, ct);
        var a = stream.Aggregate ?? throw DomainException.NotFound("application.not_found", $"No application {command.ApplicationId}.");
        if (!a.IsBeforeAdmission) throw DomainException.Conflict("application.invalid_status", $"The application is already {a.Status}.");
        await CellLedgers.ReleaseAsync(session, a, ct);
        stream.AppendOne(new ApplicationCancelled(command.Reason.Trim(), command.Actor, now));
        return (new ApplicationResult(a.Id, nameof(ApplicationStatus.CANCELLED_FALSE_INFO)),
            a.Rostered ? new CandidateCancelled(a.Id, a.Year, command.Reason.Trim(), now) : null);
    }
}
