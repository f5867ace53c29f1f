namespace Recruitment.Enrollment.Features.Departures;

public sealed record LateReportRequest(DateOnly? Date, string? Reason);

public sealed record RecordLateReport(Guid ApplicationId, Caller Caller, LateReportRequest Request);

/// <summary>
/// POST /api/enrollment/applications/{applicationId}/late-report (the trainee's base): a NOT_REPORTED trainee who
/// turns up before <c>reporting.lateUntil</c> is recorded as REPORTED, flagged late, with the base's reason
/// (ENR-66). The trainee takes a place of their cell again, so a place refilled meanwhile (ENR-68) refuses it:
/// a cell never holds more trainees than its places. Rotation gets the trainee back (<see cref="TraineeReturned"/>).
/// </summary>
internal sealed class LateReportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/applications/{applicationId:guid}/late-report", (Guid applicationId, LateReportRequest body, Caller caller,
                IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<ApplicationResult>(new RecordLateReport(applicationId, caller, body), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: admission");
}

[MartenStore(typeof(IEnrollmentStore))]
public static class LateReportHandler
{
    public static async Task<(Outcome<ApplicationResult>, TraineeReturned?)> Handle(RecordLateReport command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        if (!command.Caller.Is(Roles.BaseAdmin)) return (Refusal.Forbidden("late_report.base_only", "The trainee's base records a late report (ENR-66)."), null);
        if (DepartureWork.Reason(r.Reason, "late_report.reason_required") is { } noReason) return (noReason, null);
        if (r.Date is not { } date) return (Refusal.Invalid("request.date_required", "date (yyyy-MM-dd) is required."), null);
        if (date > ChinaTime.Date(now)) return (Refusal.Invalid("late_report.invalid_date", "A report is recorded on or after the day it happened."), null);
        var stream = await session.Events.FetchForWriting<Application>(command.ApplicationId, ct);
        if (stream.Aggregate is not { } a) return (Refusal.NotFound("application.not_found", $"No application {command.ApplicationId}."), null);
        if (command.Caller.ActsForBase(a.BaseCode) is { } otherBase) return (otherBase, null);
        if (a.Status != ApplicationStatus.NOT_REPORTED)
            return (Refusal.Conflict("late_report.invalid_status", $"A late report is recorded for a NOT_REPORTED trainee (ENR-66); the application is {a.Status}."),
                null);
        var cycle = (await session.LoadAsync<RecruitmentCycle>(a.Year, ct))!;
        if (now.IsPast(cycle.Calendar.LateReportingUntil))
            return (new Refusal("late_report.window_closed", $"Late reports are recorded until {cycle.Calendar.LateReportingUntil:O} (ENR-66)."), null);
        var stored = await session.LoadAsync<CellLedger>(a.Proposal?.CellId ?? CellLedger.IdFor(a), ct);
        var ledger = stored ?? await CellLedgers.ForAsync(session, cycle, a, ct);
        if (!ledger.Holders.Contains(a.Id))
        {
            if (ledger.Holders.Count >= ledger.Places)
                return (Refusal.Conflict("late_report.place_taken", "The trainee's place was refilled meanwhile; the cell has no vacancy (ENR-68)."), null);
            ledger.Holders.Add(a.Id);
            if (stored is not null) session.Store(ledger); // a new ledger is inserted by ForAsync already
        }
        var reason = r.Reason!.Trim();
        stream.AppendOne(new LateReportRecorded(date, reason, command.Caller.Actor, now));
        return (new ApplicationResult(a.Id, nameof(ApplicationStatus.REPORTED)), new TraineeReturned(a.Id, a.Year, date, reason, a.Version + 1, now));
    }
}
