using Recruitment.Enrollment.Features.Notices;
using Recruitment.Notifications.Contracts;

namespace Recruitment.Enrollment.Features.Admission;

public sealed record ResolutionRequest(string? Outcome, string? Reason);

public sealed record ResolveObjection(Guid ObjectionId, string Actor, ResolutionRequest Request);

public sealed record ObjectionResolution(Guid ObjectionId, Guid ApplicationId, string Status);

/// <summary>
/// POST /api/enrollment/objections/{objectionId}/resolution
/// (PHC) admits or revokes, with a reason (ENR-58). An ON_HOLD candidate gets no admission and no notice.
/// Objections are lodged in LodgeObjection.cs.
/// </summary>
internal sealed class ObjectionEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/enrollment/objections/{objectionId:guid}/resolution", async (Guid objectionId, ResolutionRequest request, HttpContext http,
                IMessageBus bus, CancellationToken ct) =>
                await bus.InvokeAsync<ObjectionResolution>(new ResolveObjection(objectionId, http.User.Actor(), request), ct))
            .RequireAuthorization(Policies.PhcAdmin).WithTags("Enrollment: admission");
    }
}

[MartenStore(typeof(IEnrollmentStore))]
public static class ResolveObjectionHandler
{
    public static async Task<(ObjectionResolution, TraineeAdmitted?, NotifyAccount?)> Handle(ResolveObjection command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        var admit = r.Outcome?.ToUpperInvariant() switch
        {
            "ADMIT" => true,
            "REVOKE" => false,
            _ => throw DomainException.Invalid("objection.invalid_outcome", "outcome must be ADMIT or REVOKE."),
        };
        if (string.IsNullOrWhiteSpace(r.Reason)) throw DomainException.Invalid("objection.reason_required", "A resolution states its reason (ENR-58).");
        var objection = await session.LoadAsync<Objection>(command.ObjectionId, ct)
                        ?? throw DomainException.NotFound("objection.not_found", $"No objection {command.ObjectionId}.");
        if (objection.Outcome is not null) throw DomainException.Conflict("objection.resolved", "The objection is already resolved.");
        var stream = await session.Events.FetchForWriting<Application>(objection.ApplicationId, ct);
        var a = stream.Aggregate!;
        var publicity = (await session.LoadAsync<Publicity>(objection.PublicityId, ct))!;
        var ended = now >= publicity.EndsAt;

        objection.Outcome = admit ? "ADMIT" : "REVOKE";
        objection.Reason = r.Reason.Trim();
        objection.ResolvedBy = command.Actor;
        objection.ResolvedAt = now;
        session.Store(objection);
        // Another objection may still hold the candidate: only the last resolution changes the status. Every
        // resolution is an event, so two resolved at once collide on the stream instead of both deciding "not last".
        var open = await session.Query<Objection>().CountAsync(o => o.ApplicationId == a.Id && o.Outcome == null && o.Id != objection.Id, ct);
        var final = a.Status == ApplicationStatus.ON_HOLD && !(admit && open > 0);
        if (final && !admit) await CellLedgers.ReleaseAsync(session, a, ct);
        stream.AppendOne(new ObjectionResolved(objection.Id, admit, ended, final, objection.Reason, command.Actor, now));
        if (!final) return (new ObjectionResolution(objection.Id, a.Id, a.Status.ToString()), null, null);
        var status = !admit ? ApplicationStatus.REVOKED : ended ? ApplicationStatus.ADMITTED : ApplicationStatus.IN_PUBLICITY;
        var cycle = (await session.LoadAsync<RecruitmentCycle>(a.Year, ct))!;
        return (new ObjectionResolution(objection.Id, a.Id, status.ToString()),
            status == ApplicationStatus.ADMITTED ? Admissions.Message(a, cycle, now) : null,
            status == ApplicationStatus.ADMITTED ? Admissions.Notification(a, cycle)
            : status == ApplicationStatus.REVOKED ? EnrollmentNotices.Departed(a, cycle, Departure.REVOKED, objection.Reason) : null);
    }
}
