namespace Recruitment.Enrollment.Features.Brochures;

public sealed record SubmitBrochure(int Year, string BaseCode, Caller Caller);

/// <summary>
/// POST /api/enrollment/cycles/{year}/bases/{baseCode}/brochure/submission (the base's admin): sends the complete
/// draft to the center by <c>brochure.submitDeadline</c> (ENR-04). From then on the brochure is read-only, and its
/// OTHER split is published and locked (ENR-05, ENR-06) unless the base had published it already; applicants see the
/// brochure from <c>brochure.visibleFrom</c>.
/// </summary>
internal sealed class SubmitBrochureEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.BrochureApi().MapPost("/bases/{baseCode}/brochure/submission", (int year, string baseCode, Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<BrochureView>(new SubmitBrochure(year, baseCode, caller), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.BaseAdmin);
}

[MartenStore(typeof(IEnrollmentStore))]
public static class SubmitBrochureHandler
{
    public static async Task<Outcome<BrochureView>> Handle(SubmitBrochure command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var baseCode = command.BaseCode.ToUpperInvariant();
        if (command.Caller.ActsForBase(baseCode) is { } otherBase) return otherBase;
        if ((await BrochureAccess.Cycle(session, command.Year, ct)).Refused(out var noCycle, out var cycle)) return noCycle;
        if (BrochureAccess.Base(cycle, baseCode).Refused(out var noBase, out var trainingBase)) return noBase;
        var brochure = await session.LoadAsync<Brochure>(Brochure.IdFor(cycle.Id, baseCode), ct);
        if (brochure is null) return Refusal.NotFound("brochure.no_draft", $"{baseCode} has not drafted its brochure for {cycle.Id}.");
        if (brochure.SubmittedAt is not null) return BrochureAccess.Locked(brochure);
        var now = clock.GetUtcNow();
        if (now.IsPast(cycle.Calendar.BrochureSubmitDeadline)) return BrochureAccess.DeadlinePassed(cycle);

        var published = await session.LoadAsync<OtherSplit>(OtherSplit.IdFor(cycle.Id, baseCode), ct);
        var missing = BrochureAccess.Missing(cycle, trainingBase, brochure, published);
        if (missing.Count > 0)
            return new Refusal("brochure.incomplete", $"The brochure cannot be submitted yet; it still needs: {string.Join(", ", missing)}.",
                Extensions: new Dictionary<string, object?> { ["missing"] = missing });
        // The split may have been published through its own route after the draft named another one.
        if (published is not null && brochure.DraftSplit.Count > 0 && !BrochureAccess.SameSplit(brochure.DraftSplit, published.Items))
            return Refusal.Conflict("brochure.other_split_locked", $"{baseCode}'s OTHER split for {cycle.Id} is already published and locked (ENR-06).");
        var otherPlaces = BrochureAccess.OtherPlaces(cycle, baseCode);
        if (published is null && otherPlaces > 0)
        {
            if (BrochureAccess.CheckSplit(brochure.DraftSplit, otherPlaces).Refused(out var badSplit, out var items)) return badSplit;
            published = new OtherSplit { Id = OtherSplit.IdFor(cycle.Id, baseCode), Year = cycle.Id, BaseCode = baseCode, Items = items, SubmittedBy = command.Caller.Actor, SubmittedAt = now };
            published.History.Add(new OtherSplitChange("PUBLISHED", command.Caller.Actor, now, null, items));
            session.Insert(published); // a split published meanwhile conflicts on the key: the retry answers with it
        }

        brochure.SubmittedAt = now;
        brochure.SubmittedBy = command.Caller.Actor;
        session.Store(brochure);
        return BrochureAccess.View(cycle, trainingBase, brochure, published, now);
    }
}
