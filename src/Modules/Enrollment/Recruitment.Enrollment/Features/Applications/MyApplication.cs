namespace Recruitment.Enrollment.Features.Applications;

public sealed record WithdrawApplication(Guid ApplicantId, string Actor, int? Year, string? Reason);

/// <summary>
/// GET /api/enrollment/me/application: the applicant's status and timeline (ENR-14).
/// DELETE: withdrawal by the applicant at any stage before admission (DOMAIN.md 3.9); while registration
/// is open they may apply again on the same stream. A rostered candidate's withdrawal goes to Examination.
/// </summary>
internal sealed class MyApplicationEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/enrollment/me/application").RequireAuthorization(Policies.Applicant).WithTags("Enrollment: applicants");
        me.MapGet("", async (int? year, HttpContext http, IEnrollmentStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            var application = await ApplicationAccess.Own(session, http.User.AccountId(), year, ct);
            return await ApplicationTimeline.ViewAsync(session, application, ct);
        });
        me.MapDelete("", async (int? year, string? reason, HttpContext http, IMessageBus bus, CancellationToken ct) =>
            await bus.InvokeAsync<ApplicationResult>(new WithdrawApplication(http.User.AccountId(), http.User.Actor(), year, reason), ct));
    }
}

[MartenStore(typeof(IEnrollmentStore))]
public static class WithdrawApplicationHandler
{
    public static async Task<(ApplicationResult, CandidateWithdrawn?)> Handle(WithdrawApplication command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var own = await ApplicationAccess.Own(session, command.ApplicantId, command.Year, ct);
        var stream = await session.Events.FetchForWriting<Application>(own.Id, ct);
        var application = stream.Aggregate!;
        if (!application.IsBeforeAdmission)
            throw ApplicationAccess.WrongStatus(application, "withdraw", ApplicationStatus.PENDING_REVIEW, ApplicationStatus.APPROVED, ApplicationStatus.CONFIRMED);
        await CellLedgers.ReleaseAsync(session, application, ct);
        stream.AppendOne(new ApplicationWithdrawn(command.Reason?.Trim(), command.Actor, now));
        var result = new ApplicationResult(application.Id, nameof(ApplicationStatus.WITHDRAWN));
        return (result, application.Rostered ? new CandidateWithdrawn(application.Id, application.Year, now) : null);
    }
}
