namespace Recruitment.Enrollment.Features.Brochures;

internal sealed record BrochureListRow(string BaseCode, string NameZh, string NameEn, string City, string State, int Places, DateTimeOffset? PublishedAt);

internal sealed record BrochureComparisonRow(
    string BaseCode,
    string NameZh,
    string NameEn,
    string City,
    string State,
    int Places,
    int? MonthlyStipendYuan,
    string? BenefitsDescription,
    string? HousingDescription,
    string? EqualTreatmentDescription,
    IReadOnlyList<BaseContact> Contacts);

internal sealed record BrochureComparison(int Year, string Specialty, string? NameZh, string? NameEn, bool IsShortage, IReadOnlyList<BrochureComparisonRow> Bases);

/// <summary>
/// What applicants read (ENR-04), all public: a base's published brochure (404 until it is submitted and
/// <c>brochure.visibleFrom</c> has come), every base with its brochure state (PUBLISHED, or PENDING: "brochure
/// pending"), and the bases recruiting one specialty side by side. Drafts and submitted brochures before visibleFrom
/// never show here.
/// </summary>
internal sealed class PublicBrochureEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var cycles = app.BrochureApi();
        cycles.MapGet("/bases/{baseCode}/brochure", async (int year, string baseCode, IEnrollmentStore store, TimeProvider clock, CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                await using var session = store.QuerySession();
                if ((await BrochureAccess.Cycle(session, year, ct)).Refused(out var noCycle, out var cycle)) return noCycle.ToResult();
                if (BrochureAccess.Base(cycle, baseCode).Refused(out var noBase, out var trainingBase)) return noBase.ToResult();
                var now = clock.GetUtcNow();
                var brochure = await session.LoadAsync<Brochure>(Brochure.IdFor(year, baseCode), ct);
                if (brochure is null || !brochure.IsPublishedAt(now, cycle.Calendar))
                    return Refusal.NotFound("brochure.pending", $"{baseCode}'s brochure for {year} is not published yet (brochure pending, ENR-04).").ToResult();
                var published = await session.LoadAsync<OtherSplit>(OtherSplit.IdFor(year, baseCode), ct);
                return Results.Ok(BrochureAccess.View(cycle, trainingBase, brochure, published, now));
            })
            .AllowAnonymous();

        cycles.MapGet("/brochures", async (int year, IEnrollmentStore store, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                if ((await BrochureAccess.Cycle(session, year, ct)).Refused(out var noCycle, out var cycle)) return noCycle.ToResult();
                var published = await PublishedAsync(session, cycle, clock.GetUtcNow(), ct);
                var rows = cycle.Bases.Select(b => new BrochureListRow(b.Code, b.NameZh, b.NameEn, b.City,
                    published.ContainsKey(b.Code) ? BrochureAccess.Published : BrochureAccess.Pending,
                    cycle.Quotas.Where(q => q.BaseCode == b.Code).Sum(q => q.Places ?? 0),
                    published.TryGetValue(b.Code, out var p) ? Later(p.SubmittedAt!.Value, cycle.Calendar.BrochureVisibleFrom) : null)).ToList();
                return Results.Ok(rows);
            })
            .AllowAnonymous();

        cycles.MapGet("/brochures/compare", async (int year, string? specialty, IEnrollmentStore store, TimeProvider clock, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(specialty)) return Refusal.Invalid("brochure.specialty_required", "specialty is required.").ToResult();
                await using var session = store.QuerySession();
                if ((await BrochureAccess.Cycle(session, year, ct)).Refused(out var noCycle, out var cycle)) return noCycle.ToResult();
                var published = await PublishedAsync(session, cycle, clock.GetUtcNow(), ct);
                var wanted = specialty.Trim();
                var code = cycle.Specialties.FirstOrDefault(s => string.Equals(s.Code, wanted, StringComparison.OrdinalIgnoreCase));
                Dictionary<string, int> places;
                if (code is not null)
                {
                    places = cycle.Quotas.Where(q => q.SpecialtyCode == code.Code && q.Places is > 0).ToDictionary(q => q.BaseCode, q => q.Places!.Value);
                }
                else
                {
                    // A specialty base inside OTHER cells (Surgery, Dermatology...): the places its bases' published splits give it (ENR-06).
                    var splits = await session.Query<OtherSplit>().Where(s => s.Year == cycle.Id).ToListAsync(ct);
                    places = splits.SelectMany(s => s.Items.Where(i => string.Equals(i.Specialty, wanted, StringComparison.OrdinalIgnoreCase))
                        .Select(i => (s.BaseCode, i.Places))).ToDictionary(x => x.BaseCode, x => x.Places);
                    if (places.Count == 0)
                        return Refusal.NotFound("brochure.specialty_not_offered", $"No base recruits {wanted} in {year}.").ToResult();
                }
                var rows = cycle.Bases.Where(b => places.ContainsKey(b.Code)).Select(b =>
                {
                    var brochure = published.GetValueOrDefault(b.Code);
                    return new BrochureComparisonRow(b.Code, b.NameZh, b.NameEn, b.City, brochure is null ? BrochureAccess.Pending : BrochureAccess.Published,
                        places[b.Code], brochure?.MonthlyStipendYuan, brochure?.BenefitsDescription, brochure?.HousingDescription,
                        brochure?.EqualTreatmentDescription, brochure is null ? b.Contacts : BrochureAccess.Contacts(b, brochure));
                }).ToList();
                return Results.Ok(new BrochureComparison(cycle.Id, code?.Code ?? wanted, code?.NameZh, code?.NameEn, code?.IsShortage ?? false, rows));
            })
            .AllowAnonymous();
    }

    /// <summary>The cycle's brochures applicants may read now, by base.</summary>
    private static async Task<Dictionary<string, Brochure>> PublishedAsync(IQuerySession session, RecruitmentCycle cycle, DateTimeOffset now,
        CancellationToken ct)
    {
        if (now < cycle.Calendar.BrochureVisibleFrom) return [];
        var submitted = await session.Query<Brochure>().Where(b => b.Year == cycle.Id && b.SubmittedAt != null).ToListAsync(ct);
        return submitted.ToDictionary(b => b.BaseCode);
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
