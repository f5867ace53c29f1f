using Recruitment.Enrollment.Features.Notices;
using Recruitment.Publications.Contracts;

namespace Recruitment.Enrollment.Features.Departures;

public sealed record DeclineRequest(string? Reason);

public sealed record DeclineAdmission(Caller Caller, DeclineRequest Request);

/// <summary>
/// POST /api/enrollment/applications/me/decline (the applicant, own application): an admitted applicant who has
/// not reported declines the place with a reason (ENR-65): DECLINED, terminal. The place returns to its cell
/// (ENR-68) and Rotation and TrainingExemption are told (ENR-69). Before admission, withdrawal stays the way out.
/// </summary>
internal sealed class DeclineAdmissionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/applications/me/decline", (DeclineRequest body, Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<ApplicationResult>(new DeclineAdmission(caller, body), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.Applicant).WithTags("Enrollment: applicants");
}

[MartenStore(typeof(IEnrollmentStore))]
public static class DeclineAdmissionHandler
{
    public static async Task<(Outcome<ApplicationResult>, TraineeDeparted?, WithdrawDocument?)> Handle(
        DeclineAdmission command, IDocumentSession session, TimeProvider clock, IMessageContext bus, CancellationToken ct)
    {
        if (DepartureWork.Reason(command.Request.Reason, "decline.reason_required") is { } noReason) return (noReason, null, null);
        if (command.Caller.AccountId is not { } applicantId)
            return (Refusal.Forbidden("decline.not_applicant", "Only the applicant declines their place."), null, null);
        var own = await session.Query<Application>().Where(a => a.ApplicantId == applicantId).OrderByDescending(a => a.Year).FirstOrDefaultAsync(ct);
        if (own is null) return (Refusal.NotFound("application.not_found", "You have no application in this cycle."), null, null);
        var stream = await session.Events.FetchForWriting<Application>(own.Id, ct);
        var a = stream.Aggregate!;
        if (a.Status != ApplicationStatus.ADMITTED)
            return (Refusal.Conflict("decline.invalid_status",
                $"Only an admitted applicant who has not reported declines (ENR-65); the application is {a.Status}. Before admission, withdraw instead."), null, null);
        var departed = await new DepartureWork(session).LeaveAsync(stream, Departure.DECLINED, command.Request.Reason!.Trim(), command.Caller.Actor,
            clock.GetUtcNow(), ct);
        await EnrollmentNotices.TellDepartedAsync(session, bus, a, Departure.DECLINED, departed.Reason, ct);
        return (new ApplicationResult(a.Id, nameof(ApplicationStatus.DECLINED)), departed,
            DepartureWork.NoticeWithdrawn(a.Id, Departure.DECLINED, departed.At));
    }
}
