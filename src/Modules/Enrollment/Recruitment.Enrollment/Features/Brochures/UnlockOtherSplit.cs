namespace Recruitment.Enrollment.Features.Brochures;

public sealed record UnlockOtherSplitRequest(string? Reason);

public sealed record UnlockOtherSplit(int Year, string BaseCode, Caller Caller, UnlockOtherSplitRequest Request);

/// <summary>
/// POST /api/enrollment/cycles/{year}/bases/{baseCode}/other-split/unlock (the PHC only): a published OTHER split is
/// locked (ENR-06); only the PHC unlocks it, stating why, and the split's history keeps who did it and when. The base
/// then publishes the corrected split with PUT .../other-split, which locks it again; places already proposed or
/// admitted in a specialty base are never taken away by the correction (ENR-45).
/// </summary>
internal sealed class UnlockOtherSplitEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/cycles/{year:int}/bases/{baseCode}/other-split/unlock", (int year, string baseCode, UnlockOtherSplitRequest body,
                Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<OtherSplitView>(new UnlockOtherSplit(year, baseCode, caller, body), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.PhcAdmin).WithTags("Enrollment: bases");
}

[MartenStore(typeof(IEnrollmentStore))]
public static class UnlockOtherSplitHandler
{
    public static async Task<Outcome<OtherSplitView>> Handle(UnlockOtherSplit command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if (!command.Caller.Is(Roles.PhcAdmin)) return Refusal.Forbidden("other_split.phc_only", "Only the PHC unlocks a published OTHER split (ENR-06).");
        var reason = command.Request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
            return Refusal.Invalid("other_split.reason_required", "Unlocking a published OTHER split states its reason (at most 2,000 characters, ENR-06).");
        var baseCode = command.BaseCode.ToUpperInvariant();
        var split = await session.LoadAsync<OtherSplit>(OtherSplit.IdFor(command.Year, baseCode), ct);
        if (split is null) return Refusal.NotFound("brochure.other_split_pending", $"{baseCode} has not published its OTHER split for {command.Year}.");
        if (!split.IsLocked)
            return Refusal.Conflict("other_split.already_unlocked", $"{baseCode}'s OTHER split for {command.Year} is already unlocked; the base publishes the corrected split.");
        var now = clock.GetUtcNow();
        split.UnlockedAt = now;
        split.History.Add(new OtherSplitChange("UNLOCKED", command.Caller.Actor, now, reason, split.Items));
        session.Store(split);
        return OtherSplitView.Of(split);
    }
}

/// <summary>The base's corrected split after an unlock, with the cells' ledgers following it (ENR-06, ENR-45).</summary>
internal static class OtherSplitUnlock
{
    public static async Task<Refusal?> RepublishAsync(IDocumentSession session, OtherSplit split, List<OtherSplitItem> items, string actor,
        DateTimeOffset now, CancellationToken ct)
    {
        var ledgers = await session.Query<CellLedger>()
            .Where(l => l.Year == split.Year && l.BaseCode == split.BaseCode && l.SpecialtyCode == Eligibility.Other).ToListAsync(ct);
        int PlacesOf(string? specialty) =>
            items.FirstOrDefault(i => string.Equals(i.Specialty, specialty?.Trim(), StringComparison.OrdinalIgnoreCase))?.Places ?? 0;
        // A specialty base never gets fewer places than it already holds proposed or admitted trainees.
        var shortCells = ledgers.Where(l => PlacesOf(l.OtherSpecialty) < l.Holders.Count).Select(l => $"{l.OtherSpecialty} ({l.Holders.Count})").ToList();
        if (shortCells.Count > 0)
            return Refusal.Conflict("other_split.below_holders",
                $"The corrected split leaves fewer places than trainees already proposed or admitted in: {string.Join(", ", shortCells)} (ENR-06, ENR-45).");
        foreach (var ledger in ledgers.Where(l => l.Places != PlacesOf(l.OtherSpecialty)))
        {
            ledger.Places = PlacesOf(ledger.OtherSpecialty);
            session.Store(ledger); // optimistic: a proposal racing the correction conflicts and the command runs again
        }
        split.Items = items;
        split.UnlockedAt = null;
        split.History.Add(new OtherSplitChange("REPUBLISHED", actor, now, null, items));
        session.Store(split);
        return null;
    }
}
