namespace Recruitment.Rotation.Features.Orientation;

public sealed record OrientationRequest(string? Kind, DateOnly? CompletedOn);

public sealed record RecordOrientation(Guid TraineeId, Caller Caller, OrientationRequest Request);

public sealed record OrientationRecorded(Guid TraineeId, OrientationRecord? Hospital, OrientationRecord? Department, bool Complete);

/// <summary>
/// POST /api/rotation/trainees/{traineeId}/orientation (the base's admin; <c>{ kind: HOSPITAL|DEPARTMENT, completedOn }</c>):
/// records hospital or department orientation (pre-duty training, ROT-03). A completion date in the future is
/// refused; one after the orientation deadline (08-31) is recorded as <c>late</c>. A trainee missing either
/// after the deadline is flagged ORIENTATION_INCOMPLETE by the daily check until both are recorded.
/// </summary>
internal sealed class RecordOrientationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.RotationApi().MapPost("/trainees/{traineeId:guid}/orientation", (Guid traineeId, OrientationRequest body, Caller caller,
                IMessageBus bus, CancellationToken ct) => bus.SendAsync<OrientationRecorded>(new RecordOrientation(traineeId, caller, body), ct))
            .RequireAuthorization(Policies.BaseAdmin);
}

[MartenStore(typeof(IRotationStore))]
public static class RecordOrientationHandler
{
    public static async Task<Outcome<OrientationRecorded>> Handle(RecordOrientation command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var body = command.Request;
        var kind = body.Kind?.Trim().ToUpperInvariant();
        if (kind is not ("HOSPITAL" or "DEPARTMENT"))
            return Refusal.Invalid("orientation.invalid_kind", "kind is HOSPITAL or DEPARTMENT.");
        if (body.CompletedOn is not { } completedOn) return Refusal.Invalid("orientation.date_required", "completedOn is required.");
        var now = clock.GetUtcNow();
        if (completedOn > ChinaTime.Date(now))
            return Refusal.Invalid("orientation.future_date", "Orientation is recorded once it has taken place.");
        if ((await PlanContext.ForStaffAsync(session, command.TraineeId, command.Caller, ct)).Refused(out var refused, out var c)) return refused;
        var deadline = c.Cycle is null ? (DateOnly?)null : ChinaTime.Date(c.Cycle.OrientationDeadline);
        var record = new OrientationRecord(completedOn, command.Caller.Actor, now, deadline is { } d && completedOn > d);
        var trainee = c.Trainee;
        if (kind == "HOSPITAL") trainee.HospitalOrientation = record;
        else trainee.DepartmentOrientation = record;
        session.Store(trainee);
        return new OrientationRecorded(command.TraineeId, trainee.HospitalOrientation, trainee.DepartmentOrientation,
            trainee.HospitalOrientation is not null && trainee.DepartmentOrientation is not null);
    }
}
