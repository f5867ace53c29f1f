namespace Recruitment.Enrollment.Features.Admission;

internal sealed record Vacancy(string CellId, string BaseCode, string SpecialtyCode, string? OtherSpecialty, int Places, int Proposed, int Vacancies);

internal sealed record VacancyReport(int Year, bool Locked, IReadOnlyList<Vacancy> Cells, int TotalPlaces, int TotalProposed, int TotalVacancies);

/// <summary>
/// GET /api/enrollment/cycles/{year}/vacancies (center, PHC): quota minus proposed for every offered cell,
/// every OTHER specialty base of a published split, and the assistant-GP quota (ENR-51). Vacancies carry
/// into no other cell by themselves; only a PHC round fills them.
/// </summary>
internal sealed class VacanciesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/enrollment/cycles/{year:int}/vacancies", async (int year, IEnrollmentStore store, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var cycle = await ApplicationAccess.Cycle(session, year, ct);
                var cells = await CellsAsync(session, cycle, ct);
                return new VacancyReport(year, clock.GetUtcNow().IsPast(cycle.Calendar.ProposedAdmissionLock), cells, cells.Sum(c => c.Places),
                    cells.Sum(c => c.Proposed), cells.Sum(c => c.Vacancies));
            })
            .RequireAuthorization(Policies.CenterOrPhcAdmin).WithTags("Enrollment: admission");

    /// <summary>Every cell of the cycle with its places and holders; cells nobody proposed for yet have an empty ledger.</summary>
    internal static async Task<List<Vacancy>> CellsAsync(IQuerySession session, RecruitmentCycle cycle, CancellationToken ct)
    {
        var ledgers = (await session.Query<CellLedger>().Where(l => l.Year == cycle.Id).ToListAsync(ct)).ToDictionary(l => l.Id);
        var splits = (await session.Query<OtherSplit>().Where(s => s.Year == cycle.Id).ToListAsync(ct)).ToDictionary(s => s.BaseCode);
        var cells = new List<(string Base, string Specialty, string? Other, int Places)>();
        foreach (var q in cycle.Quotas.Where(q => q.Places is > 0))
        {
            if (q.SpecialtyCode != Eligibility.Other) cells.Add((q.BaseCode, q.SpecialtyCode, null, q.Places!.Value));
            else if (splits.TryGetValue(q.BaseCode, out var split)) cells.AddRange(split.Items.Select(i => (q.BaseCode, q.SpecialtyCode, (string?)i.Specialty, i.Places)));
            else cells.Add((q.BaseCode, q.SpecialtyCode, null, q.Places!.Value));
        }
        cells.Add((cycle.AssistantGp.BaseCode, AssistantGpForm.SpecialtyCode, null, cycle.AssistantGp.Places));
        return cells.Select(c =>
        {
            var id = CellLedger.IdFor(cycle.Id, c.Base, c.Specialty, c.Other);
            var proposed = ledgers.GetValueOrDefault(id)?.Holders.Count ?? 0;
            return new Vacancy(id, c.Base, c.Specialty, c.Other, c.Places, proposed, Math.Max(0, c.Places - proposed));
        }).ToList();
    }
}
