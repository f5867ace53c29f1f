using Recruitment.Enrollment.Features.Notices;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Recruitment.Enrollment.Features.Admission;

public sealed record PublishList(int Year, string Actor);

public sealed record ListPublished(Guid PublicityId, int Year, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Entries);

/// <summary>Durable timer: the end of a publicity period.</summary>
public sealed record EndPublicity(Guid PublicityId);

/// <summary>
/// POST /api/enrollment/cycles/{year}/publicity (center or PHC): publishes every re-checked proposal for
/// the cycle's publicity duration (ENR-57); GET is the public list (names, base, specialty only). When the
/// period ends (a durable scheduled message, never a client's clock), candidates without an objection
/// become ADMITTED and go to Rotation (ENR-59); the final status is not visible anywhere before that.
/// </summary>
internal sealed class PublicityEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/api/enrollment/cycles/{year:int}/publicity";
        app.MapPost(route, async (int year, HttpContext http, IMessageBus bus, CancellationToken ct) =>
                await bus.InvokeAsync<ListPublished>(new PublishList(year, http.User.Actor()), ct))
            .RequireAuthorization(Policies.CenterOrPhcAdmin).WithTags("Enrollment: admission");
        app.MapGet(route, async (int year, IEnrollmentStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var lists = await session.Query<Publicity>().Where(p => p.Year == year).OrderBy(p => p.StartsAt).ToListAsync(ct);
                return lists.Select(p => new
                {
                    publicityId = p.Id,
                    p.StartsAt,
                    p.EndsAt,
                    entries = p.Entries.Select(e =>
                    new { e.Name, e.BaseCode, e.SpecialtyCode, e.OtherSpecialty, e.Track })
                });
            })
            .AllowAnonymous().WithTags("Enrollment: admission");
    }
}

[MartenStore(typeof(IEnrollmentStore))]
public static class PublicityHandler
{
    /// <summary>An objection or a second publish racing these appends makes them conflict: run again on fresh state.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<EventStreamUnexpectedMaxEventIdException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));

    public static async Task<(ListPublished, object, OutgoingMessages)> Handle(PublishList command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cycle = await ApplicationAccess.Cycle(session, command.Year, ct);
        var rechecked = await session.Query<Application>().Where(a => a.Year == command.Year && a.Status == ApplicationStatus.PHC_RECHECKED).ToListAsync(ct);
        if (rechecked.Count == 0)
            throw DomainException.Conflict("admission.nothing_to_publish", "No re-checked proposal is waiting; the PHC re-checks after the center (ENR-57).");
        var publicity = new Publicity
        {
            Id = Guid.CreateVersion7(),
            Year = command.Year,
            StartsAt = now,
            EndsAt = now.AddHours(cycle.Calendar.PublicityDurationHours),
            PublishedBy = command.Actor,
            Entries = rechecked.Select(a => new PublicityEntry(a.Id, a.Name, a.BaseCode, a.SpecialtyCode, a.OtherSpecialty, a.Track.ToString())).ToList(),
        };
        session.Insert(publicity);
        foreach (var a in rechecked) session.Events.Append(a.Id, a.Version + 1, new PublicityStarted(publicity.Id, publicity.EndsAt, command.Actor, now));
        return (new ListPublished(publicity.Id, publicity.Year, publicity.StartsAt, publicity.EndsAt, publicity.Entries.Count),
            new EndPublicity(publicity.Id).DelayedFor(publicity.EndsAt - now), [.. rechecked.Select(a => EnrollmentNotices.InPublicity(a, cycle, publicity)).OfType<object>()]);
    }

    public static async Task<object?> Handle(EndPublicity command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var publicity = await session.LoadAsync<Publicity>(command.PublicityId, ct);
        if (publicity is null || publicity.Ended) return null;
        if (now < publicity.EndsAt) return command.DelayedFor(publicity.EndsAt - now);
        var cycle = (await session.LoadAsync<RecruitmentCycle>(publicity.Year, ct))!;
        var ids = publicity.Entries.Select(e => e.ApplicationId).ToArray();
        var waiting = await session.Query<Application>().Where(a => ids.Contains(a.Id) && a.Status == ApplicationStatus.IN_PUBLICITY).ToListAsync(ct);
        var messages = new OutgoingMessages();
        foreach (var a in waiting)
        {
            // Expecting the version read: an objection lodged in the same instant wins and the timer runs again.
            session.Events.Append(a.Id, a.Version + 1, new Admitted(SystemActor.Publicity, now));
            messages.Add(Admissions.Message(a, cycle, now));
            if (Admissions.Notification(a, cycle) is { } told) messages.Add(told);
        }
        publicity.Ended = true;
        session.Store(publicity);
        return messages;
    }
}
