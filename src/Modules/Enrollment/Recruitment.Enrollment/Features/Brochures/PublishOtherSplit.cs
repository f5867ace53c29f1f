using Recruitment.Enrollment.Features.Cycles;

namespace Recruitment.Enrollment.Features.Brochures;

internal sealed record OtherSplitRequest(IReadOnlyList<OtherSplitItem>? Items);

/// <summary>
/// PUT /api/enrollment/cycles/{year}/bases/{baseCode}/other-split: a base publishes how its OTHER cell is
/// split among its specialty bases (ENR-06). The split must sum exactly to the cell and is locked once
/// published; GET is public, like the brochure it belongs to.
/// </summary>
internal sealed class PublishOtherSplitEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/api/enrollment/cycles/{year:int}/bases/{baseCode}/other-split";
        app.MapGet(route, async (int year, string baseCode, IEnrollmentStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            return await session.LoadAsync<OtherSplit>(OtherSplit.IdFor(year, baseCode.ToUpperInvariant()), ct)
                   ?? throw DomainException.NotFound("brochure.other_split_pending", $"{baseCode} has not published its OTHER split for {year}.");
        }).AllowAnonymous().WithTags("Enrollment: reference data");

        app.MapPut(route, async (int year, string baseCode, OtherSplitRequest request, HttpContext http, IEnrollmentStore store,
            TimeProvider clock, CancellationToken ct) =>
        {
            baseCode = baseCode.ToUpperInvariant();
            http.User.EnsureActsForBase(baseCode);
            await using var session = store.LightweightSession();
            var cycle = await ApplicationAccess.Cycle(session, year, ct);
            var cell = cycle.Quotas.FirstOrDefault(q => q.BaseCode == baseCode && q.SpecialtyCode == Eligibility.Other)
                       ?? throw DomainException.NotFound("base.not_found", $"{baseCode} is not a base of the {year} cycle.");
            var items = Validate(request.Items, cell.Places ?? 0);

            var id = OtherSplit.IdFor(year, baseCode);
            if (await session.LoadAsync<OtherSplit>(id, ct) is not null)
                throw DomainException.Conflict("brochure.other_split_locked", $"{baseCode}'s OTHER split for {year} is already published and locked (ENR-06).");
            var split = new OtherSplit { Id = id, Year = year, BaseCode = baseCode, Items = items, SubmittedBy = http.User.Actor(), SubmittedAt = clock.GetUtcNow() };
            session.Insert(split); // a concurrent second publish fails on the primary key: locked either way
            await session.SaveChangesAsync(ct);
            return Results.Ok(split);
        }).RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: bases");
    }

    private static List<OtherSplitItem> Validate(IReadOnlyList<OtherSplitItem>? items, int cellPlaces)
    {
        if (items is null || items.Count == 0 || items.Any(i => i is null || string.IsNullOrWhiteSpace(i.Specialty) || i.Places < 1))
            throw DomainException.Invalid("brochure.invalid_other_split", "items name each specialty base with at least 1 place.");
        var trimmed = items.Select(i => i with { Specialty = i.Specialty.Trim() }).ToList();
        if (trimmed.Select(i => i.Specialty.ToUpperInvariant()).Distinct().Count() != trimmed.Count)
            throw DomainException.Invalid("brochure.invalid_other_split", "each specialty base appears once.");
        var sum = trimmed.Sum(i => i.Places);
        if (sum != cellPlaces)
            throw new DomainException("brochure.other_split_mismatch",
                $"The split sums to {sum} but the base's OTHER cell has {cellPlaces} places; it must match exactly (ENR-06).");
        return trimmed;
    }
}
