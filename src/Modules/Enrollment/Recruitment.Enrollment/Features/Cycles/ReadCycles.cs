namespace Recruitment.Enrollment.Features.Cycles;

internal sealed record CycleSummary(int Year, int ResidencyPlaces, AssistantGpQuota AssistantGp, CycleCalendar Calendar);

internal sealed record QuotaRow(string Specialty, bool IsShortage, IReadOnlyDictionary<string, int?> Places, int Total);

internal sealed record QuotaTableView(int Year, IReadOnlyList<string> Bases, IReadOnlyList<QuotaRow> Rows,
    IReadOnlyDictionary<string, int> BaseTotals, int Total, AssistantGpQuota AssistantGp);

internal sealed record Window(string Name, DateTimeOffset Start, DateTimeOffset End);

/// <summary>Public reference data (anonymous, like the printed notice): cycles, bases, specialties, quotas, schedules.</summary>
internal sealed class ReadCyclesEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enrollment/cycles").WithTags("Enrollment: reference data").AllowAnonymous();
        group.MapGet("", async (IEnrollmentStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            var cycles = await session.Query<RecruitmentCycle>().OrderByDescending(c => c.Id).ToListAsync(ct);
            return cycles.Select(Summary).ToList();
        });
        group.MapGet("/{year:int}", async (int year, IEnrollmentStore store, CancellationToken ct) =>
            Summary(await Load(store, year, ct)));
        group.MapGet("/{year:int}/bases", async (int year, IEnrollmentStore store, CancellationToken ct) =>
            (await Load(store, year, ct)).Bases);
        group.MapGet("/{year:int}/specialties", async (int year, IEnrollmentStore store, CancellationToken ct) =>
            (await Load(store, year, ct)).Specialties);
        group.MapGet("/{year:int}/quotas", async (int year, IEnrollmentStore store, CancellationToken ct) =>
            Quotas(await Load(store, year, ct)));
        group.MapGet("/{year:int}/schedules", async (int year, IEnrollmentStore store, CancellationToken ct) =>
            Schedules(await Load(store, year, ct)));
    }

    private static async Task<RecruitmentCycle> Load(IEnrollmentStore store, int year, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<RecruitmentCycle>(year, ct)
               ?? throw DomainException.NotFound("cycle.not_found", $"No recruitment cycle for {year}.");
    }

    private static CycleSummary Summary(RecruitmentCycle c) =>
        new(c.Id, c.Quotas.Sum(q => q.Places ?? 0), c.AssistantGp, c.Calendar);

    private static QuotaTableView Quotas(RecruitmentCycle c)
    {
        var bases = c.Bases.Select(b => b.Code).ToList();
        var rows = c.Specialties.Select(s =>
        {
            var places = bases.ToDictionary(b => b, b => c.Quotas.FirstOrDefault(q => q.BaseCode == b && q.SpecialtyCode == s.Code)?.Places);
            return new QuotaRow(s.Code, s.IsShortage, places, places.Values.Sum(v => v ?? 0));
        }).ToList();
        var baseTotals = bases.ToDictionary(b => b, b => c.Quotas.Where(q => q.BaseCode == b).Sum(q => q.Places ?? 0));
        return new QuotaTableView(c.Id, bases, rows, baseTotals, rows.Sum(r => r.Total), c.AssistantGp);
    }

    private static IReadOnlyList<Window> Schedules(RecruitmentCycle c)
    {
        var k = c.Calendar;
        return
        [
            new("registration", k.RegistrationOpen, k.RegistrationCloseExclusive),
            new("qualification-review", k.RegistrationOpen, k.QualificationReviewDeadline),
            new("onsite-confirmation", k.OnsiteConfirmationStart, k.OnsiteConfirmationEnd),
            new("assistant-gp-onsite-registration", k.AssistantGpRegistrationStart, k.AssistantGpRegistrationEnd),
            new("interviews-and-score-import", k.OnsiteConfirmationEnd, k.ScoreImportDeadline),
        ];
    }
}
