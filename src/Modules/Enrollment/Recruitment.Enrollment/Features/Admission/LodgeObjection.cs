using Recruitment.Enrollment.Features.Notices;

namespace Recruitment.Enrollment.Features.Admission;

public sealed record ObjectionRequest(string? Text);

public sealed record LodgeObjection(Guid ApplicationId, Caller Caller, ObjectionRequest Request);

public sealed record ObjectionLodgedResult(Guid ObjectionId, string Status);

/// <summary>
/// POST /api/enrollment/applications/{applicationId}/objections (anyone signed in, only during the candidate's
/// publicity) puts the candidate ON_HOLD (ENR-58); the base admins of the candidate's base and the center are told in
/// the same transaction, so the PHC's resolution is prepared while the hold lasts.
/// </summary>
internal sealed class LodgeObjectionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/applications/{applicationId:guid}/objections", (Guid applicationId, ObjectionRequest request, Caller caller,
                IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<ObjectionLodgedResult>(new LodgeObjection(applicationId, caller, request), ct,
                    lodged => Results.Created($"/api/enrollment/objections/{lodged.ObjectionId}", new { objectionId = lodged.ObjectionId, status = lodged.Status })))
            .RequireAuthorization(Policies.AnyUser).WithTags("Enrollment: admission");
}

[MartenStore(typeof(IEnrollmentStore))]
public static class LodgeObjectionHandler
{
    public static async Task<(Outcome<ObjectionLodgedResult>, OutgoingMessages)> Handle(LodgeObjection command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var text = command.Request.Text?.Trim() ?? "";
        if (text.Length is 0 or > 2000)
            return (Refusal.Invalid("objection.text_required", "An objection states its grounds (at most 2,000 characters)."), []);
        var now = clock.GetUtcNow();
        var stream = await session.Events.FetchForWriting<Application>(command.ApplicationId, ct);
        if (stream.Aggregate is not { } a) return (Refusal.NotFound("application.not_found", $"No application {command.ApplicationId}."), []);
        var publicity = a.PublicityId is { } pid ? await session.LoadAsync<Publicity>(pid, ct) : null;
        if (a.Status is not (ApplicationStatus.IN_PUBLICITY or ApplicationStatus.ON_HOLD) || publicity is null || now >= publicity.EndsAt)
            return (new Refusal("objection.outside_publicity", "Objections are accepted only while the candidate is publicised (ENR-58)."), []);
        var objection = new Objection
        {
            Id = Guid.CreateVersion7(),
            ApplicationId = a.Id,
            PublicityId = publicity.Id,
            Text = text,
            LodgedBy = command.Caller.Actor,
            LodgedAt = now,
        };
        session.Insert(objection);
        stream.AppendOne(new ObjectionLodged(objection.Id, objection.LodgedBy, now));
        var cycle = (await session.LoadAsync<RecruitmentCycle>(a.Year, ct))!;
        return (new ObjectionLodgedResult(objection.Id, nameof(ApplicationStatus.ON_HOLD)), [.. EnrollmentNotices.ObjectionLodged(a, cycle, objection.Id)]);
    }
}
