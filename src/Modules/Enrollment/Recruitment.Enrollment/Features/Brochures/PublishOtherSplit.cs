namespace Recruitment.Enrollment.Features.Brochures;

public sealed record OtherSplitRequest(IReadOnlyList<OtherSplitItem>? Items);

public sealed record PublishOtherSplit(int Year, string BaseCode, Caller Caller, OtherSplitRequest Request);

/// <summary>The published OTHER split, as PUT and GET answer it.</summary>
public sealed record OtherSplitView(string Id, int Year, string BaseCode, IReadOnlyList<OtherSplitItem> Items, string SubmittedBy, DateTimeOffset SubmittedAt,
    bool Locked, IReadOnlyList<OtherSplitAudit> History)
{
    internal static OtherSplitView Of(OtherSplit s) => new(s.Id, s.Year, s.BaseCode, s.Items, s.SubmittedBy, s.SubmittedAt, s.IsLocked,
        s.History.Select(h => new OtherSplitAudit(h.Action, h.Actor, h.At, h.Reason, h.Items)).ToList());
}

/// <summary>An audit entry of the split as the view shows it (ENR-06).</summary>
public sealed record OtherSplitAudit(string Action, string Actor, DateTimeOffset At, string? Reason, IReadOnlyList<OtherSplitItem> Items);

/// <summary>
/// PUT /api/enrollment/cycles/{year}/bases/{baseCode}/other-split: a base publishes how its OTHER cell is
/// split among its specialty bases (ENR-06) ahead of its brochure, which otherwise publishes it on submission.
/// The split must sum exactly to the cell and is locked once published; GET is public, like the brochure it belongs to.
/// </summary>
internal sealed class PublishOtherSplitEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/api/enrollment/cycles/{year:int}/bases/{baseCode}/other-split";
        app.MapGet(route, async (int year, string baseCode, IEnrollmentStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            return await session.LoadAsync<OtherSplit>(OtherSplit.IdFor(year, baseCode.ToUpperInvariant()), ct) is { } split
                ? Results.Ok(OtherSplitView.Of(split))
                : Refusal.NotFound("brochure.other_split_pending", $"{baseCode} has not published its OTHER split for {year}.").ToResult();
        }).AllowAnonymous().WithTags("Enrollment: reference data");

        app.MapPut(route, (int year, string baseCode, OtherSplitRequest request, Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<OtherSplitView>(new PublishOtherSplit(year, baseCode, caller, request), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: bases");
    }
}

[MartenStore(typeof(IEnrollmentStore))]
public static class PublishOtherSplitHandler
{
    public static async Task<Outcome<OtherSplitView>> Handle(PublishOtherSplit command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var baseCode = command.BaseCode.ToUpperInvariant();
        if (command.Caller.ActsForBase(baseCode) is { } otherBase) return otherBase;
        if ((await BrochureAccess.Cycle(session, command.Year, ct)).Refused(out var noCycle, out var cycle)) return noCycle;
        var cell = cycle.Quotas.FirstOrDefault(q => q.BaseCode == baseCode && q.SpecialtyCode == Eligibility.Other);
        if (cell is null) return Refusal.NotFound("base.not_found", $"{baseCode} is not a base of the {cycle.Id} cycle.");
        if (BrochureAccess.CheckSplit(command.Request.Items, cell.Places ?? 0).Refused(out var badSplit, out var items)) return badSplit;

        var id = OtherSplit.IdFor(cycle.Id, baseCode);
        var now = clock.GetUtcNow();
        if (await session.LoadAsync<OtherSplit>(id, ct) is { } published)
        {
            if (published.IsLocked)
                return Refusal.Conflict("brochure.other_split_locked", $"{baseCode}'s OTHER split for {cycle.Id} is already published and locked (ENR-06).");
            // Unlocked by the PHC: the corrected split replaces it and locks again (ENR-06).
            if (await OtherSplitUnlock.RepublishAsync(session, published, items, command.Caller.Actor, now, ct) is { } held) return held;
            return OtherSplitView.Of(published);
        }
        var split = new OtherSplit { Id = id, Year = cycle.Id, BaseCode = baseCode, Items = items, SubmittedBy = command.Caller.Actor, SubmittedAt = now };
        split.History.Add(new OtherSplitChange("PUBLISHED", command.Caller.Actor, now, null, items));
        session.Insert(split); // a concurrent second publish fails on the primary key: locked either way
        return OtherSplitView.Of(split);
    }
}
