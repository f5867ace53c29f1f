namespace Recruitment.Rotation.Features.Orientation;

internal sealed record OrientationRequest(string? Kind, DateOnly? CompletedOn);

/// <summary>
/// POST /api/rotation/trainees/{traineeId}/orientation (the base's admin; <c>{ kind: HOSPITAL|DEPARTMENT, completedOn }</c>):
/// records hospital or department orientation (pre-duty training, ROT-03). A completion date in the future is
/// refused; one after the orientation deadline (08-31) is recorded as <c>late</c>. A trainee missing either
/// after the deadline is flagged ORIENTATION_INCOMPLETE by the daily check until both are recorded.
/// </summary>
internal sealed class RecordOrientationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/rotation/trainees/{traineeId:guid}/orientation", async (Guid traineeId, OrientationRequest body, HttpContext http,
                IRotationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var kind = body.Kind?.Trim().ToUpperInvariant();
                if (kind is not ("HOSPITAL" or "DEPARTMENT"))
                    throw DomainException.Invalid("orientation.invalid_kind", "kind is HOSPITAL or DEPARTMENT.");
                if (body.CompletedOn is not { } completedOn) throw DomainException.Invalid("orientation.date_required", "completedOn is required.");
                var now = clock.GetUtcNow();
                if (completedOn > ChinaTime.Date(now))
                    throw DomainException.Invalid("orientation.future_date", "Orientation is recorded once it has taken place.");
                await using var session = store.LightweightSession();
                var c = await PlanContext.ForStaffAsync(session, traineeId, http, ct);
                var deadline = c.Cycle is null ? (DateOnly?)null : ChinaTime.Date(c.Cycle.OrientationDeadline);
                var record = new OrientationRecord(completedOn, http.User.Actor(), now, deadline is { } d && completedOn > d);
                if (kind == "HOSPITAL") c.Trainee.HospitalOrientation = record;
                else c.Trainee.DepartmentOrientation = record;
                session.Store(c.Trainee);
                await session.SaveChangesAsync(ct);
                return new
                {
                    traineeId, hospital = c.Trainee.HospitalOrientation, department = c.Trainee.DepartmentOrientation,
                    complete = c.Trainee.HospitalOrientation is not null && c.Trainee.DepartmentOrientation is not null,
                };
            })
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Rotation");
}
