using System.ComponentModel.DataAnnotations;

namespace Recruitment.Enrollment.Features.Brochures;

/// <summary>
/// The brochure's own sections (Att5 §1, §3); the plan is the cycle's quota row and is not sent. Texts are free text
/// with line breaks (their names end in "description"), each with its own length.
/// </summary>
public sealed record BrochureDraftRequest(
    string? HospitalDescription,
    int? MonthlyStipendYuan,
    [property: MaxLength(2000)] string? BenefitsDescription,
    [property: MaxLength(1000)] string? HousingDescription,
    [property: MaxLength(1000)] string? EqualTreatmentDescription,
    IReadOnlyList<BaseContact>? Contacts,
    IReadOnlyList<OtherSplitItem>? OtherSplit);

public sealed record SaveBrochureDraft(int Year, string BaseCode, Caller Caller, BrochureDraftRequest Request);

/// <summary>
/// PUT /api/enrollment/cycles/{year}/bases/{baseCode}/brochure/draft (the base's admin): replaces the draft, which may
/// be incomplete (the answer's <c>missing</c> says what a submission still needs) but never wrong: an OTHER split that
/// does not sum to the cell is refused now, not at the deadline. GET shows it to its base and the center.
/// </summary>
internal sealed class BrochureDraftEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var cycles = app.BrochureApi();
        cycles.MapPut("/bases/{baseCode}/brochure/draft", (int year, string baseCode, BrochureDraftRequest body, Caller caller, IMessageBus bus,
                CancellationToken ct) => bus.SendAsync<BrochureView>(new SaveBrochureDraft(year, baseCode, caller, body), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.BaseAdmin);

        cycles.MapGet("/bases/{baseCode}/brochure/draft", async (int year, string baseCode, Caller caller, IEnrollmentStore store, TimeProvider clock,
                CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                if (caller.ActsForBase(baseCode) is { } otherBase) return otherBase.ToResult();
                await using var session = store.QuerySession();
                if ((await BrochureAccess.Cycle(session, year, ct)).Refused(out var noCycle, out var cycle)) return noCycle.ToResult();
                if (BrochureAccess.Base(cycle, baseCode).Refused(out var noBase, out var trainingBase)) return noBase.ToResult();
                var brochure = await session.LoadAsync<Brochure>(Brochure.IdFor(year, baseCode), ct);
                if (brochure is null)
                    return Refusal.NotFound("brochure.no_draft", $"{baseCode} has not drafted its brochure for {year}.").ToResult();
                var published = await session.LoadAsync<OtherSplit>(OtherSplit.IdFor(year, baseCode), ct);
                return Results.Ok(BrochureAccess.View(cycle, trainingBase, brochure, published, clock.GetUtcNow()));
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin);
    }
}

[MartenStore(typeof(IEnrollmentStore))]
public static class SaveBrochureDraftHandler
{
    public static async Task<Outcome<BrochureView>> Handle(SaveBrochureDraft command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var baseCode = command.BaseCode.ToUpperInvariant();
        var r = command.Request;
        if (command.Caller.ActsForBase(baseCode) is { } otherBase) return otherBase;
        if ((await BrochureAccess.Cycle(session, command.Year, ct)).Refused(out var noCycle, out var cycle)) return noCycle;
        if (BrochureAccess.Base(cycle, baseCode).Refused(out var noBase, out var trainingBase)) return noBase;
        var brochure = await session.LoadAsync<Brochure>(Brochure.IdFor(cycle.Id, baseCode), ct);
        if (brochure?.SubmittedAt is not null) return BrochureAccess.Locked(brochure);
        var now = clock.GetUtcNow();
        if (now.IsPast(cycle.Calendar.BrochureSubmitDeadline)) return BrochureAccess.DeadlinePassed(cycle);
        if (BrochureAccess.Check(r) is { } invalid) return invalid;

        // The split: none yet, or one that sums to the cell; once the base has published one (ENR-06) only that one.
        var published = await session.LoadAsync<OtherSplit>(OtherSplit.IdFor(cycle.Id, baseCode), ct);
        List<OtherSplitItem> split = [];
        if (r.OtherSplit is { Count: > 0 } items)
        {
            if (BrochureAccess.CheckSplit(items, BrochureAccess.OtherPlaces(cycle, baseCode)).Refused(out var badSplit, out var checkedSplit)) return badSplit;
            split = checkedSplit;
            if (published is not null && !BrochureAccess.SameSplit(split, published.Items))
                return Refusal.Conflict("brochure.other_split_locked", $"{baseCode}'s OTHER split for {cycle.Id} is already published and locked (ENR-06).");
        }

        var isNew = brochure is null;
        brochure ??= new Brochure { Id = Brochure.IdFor(cycle.Id, baseCode), Year = cycle.Id, BaseCode = baseCode };
        brochure.HospitalDescription = Text(r.HospitalDescription);
        brochure.MonthlyStipendYuan = r.MonthlyStipendYuan;
        brochure.BenefitsDescription = Text(r.BenefitsDescription);
        brochure.HousingDescription = Text(r.HousingDescription);
        brochure.EqualTreatmentDescription = Text(r.EqualTreatmentDescription);
        brochure.Contacts = (r.Contacts ?? []).Select(c => new BaseContact(c.Name.Trim(), c.Phone.Trim())).ToList();
        brochure.DraftSplit = split;
        brochure.DraftedBy = command.Caller.Actor;
        brochure.DraftedAt = now;
        // A first draft is inserted, so two first drafts at once conflict on the key and the loser runs again as an edit.
        if (isNew) session.Insert(brochure);
        else session.Store(brochure);
        return BrochureAccess.View(cycle, trainingBase, brochure, published, now);
    }

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
