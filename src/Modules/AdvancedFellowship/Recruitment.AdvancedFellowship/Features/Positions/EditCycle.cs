using System.Text.Json;

namespace Recruitment.AdvancedFellowship.Features.Positions;

/// <summary>The body of PUT /cycles/{year}: the settings of DOMAIN.md 7.1 and the position table, in the shape GET returns.</summary>
internal sealed record CycleEdit(
    DateTimeOffset ApplicationOpen, DateTimeOffset ApplicationClose, DateTimeOffset AdmissionNoticeDeadline, DateOnly DefaultReportingDate,
    IntakeBand? IntakeBand, decimal SelfRaisedGrantCny, decimal FundedMatchRatio, decimal? FundedMatchCapCny, string? NoticeGroup,
    int? AgeSoftLimit, int? MentorMaxFellows, MentorTitle? MentorMinimumTitle, List<Position>? Positions);

internal sealed record CycleView(
    int Year, string Version, string UpdatedBy, DateTimeOffset ApplicationOpen, DateTimeOffset ApplicationClose, DateTimeOffset AdmissionNoticeDeadline,
    DateOnly DefaultReportingDate, IntakeBand IntakeBand, decimal SelfRaisedGrantCny, decimal FundedMatchRatio, decimal? FundedMatchCapCny,
    string? NoticeGroup, int AgeSoftLimit, int MentorMaxFellows, MentorTitle MentorMinimumTitle, int TotalQuota, IReadOnlyList<string> Warnings,
    IReadOnlyList<Position> Positions);

/// <summary>
/// Fellowship cycles (FEL-01, FEL-17): GET /cycles and /cycles/{year} (anyone) show the calendar, intake band, grants,
/// mentor settings and the position table. PUT /cycles/{year} (fellowship admin) creates or replaces a cycle of the
/// programme's years (2024-2026) for later years' training plans, as long as nobody has submitted an application to
/// it yet. A table whose total lies outside the intake band is saved with a warning (FEL-10 is SOFT).
/// </summary>
internal sealed class EditCycleEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/advanced-fellowship/cycles", async (IAdvancedFellowshipStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                return (await session.Query<FellowshipCycle>().ToListAsync(ct)).OrderBy(c => c.Id).Select(View).ToList();
            })
            .AllowAnonymous().WithTags("AdvancedFellowship");
        app.MapGet("/api/advanced-fellowship/cycles/{year:int}", async (int year, IAdvancedFellowshipStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                return View(await Applications.FellowshipAccess.Cycle(session, year, ct));
            })
            .AllowAnonymous().WithTags("AdvancedFellowship");
        app.MapPut("/api/advanced-fellowship/cycles/{year:int}", Save)
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship");
    }

    private static async Task<CycleView> Save(int year, CycleEdit edit, ClaimsPrincipal user, FellowshipOptions options, IAdvancedFellowshipStore store,
        CancellationToken ct)
    {
        if (year < options.ProgrammeFirstYear || year > options.ProgrammeLastYear)
            throw new DomainException("cycle.outside_programme",
                $"The programme runs annual cycles from {options.ProgrammeFirstYear} to {options.ProgrammeLastYear} (FEL-01).");
        var positions = (edit.Positions ?? []).Select(p => p with
        {
            DepartmentCode = p.DepartmentCode?.Trim().ToUpperInvariant() ?? "",
            DepartmentEn = p.DepartmentEn ?? "",
            DepartmentZh = p.DepartmentZh ?? "",
            DurationMonths = p.DurationMonths ?? new Dictionary<PostType, int>(),
            TitleRequirement = p.TitleRequirement ?? "",
            Education = p.Education ?? "",
            SpecialtyRequirement = p.SpecialtyRequirement ?? "",
            Direction = p.Direction ?? "",
            PracticeScopes = p.PracticeScopes ?? [],
            RequiredDocuments = p.RequiredDocuments ?? [],
        }).ToList();
        var definition = new FellowshipCycleDefinition(year, edit.ApplicationOpen, edit.ApplicationClose, edit.AdmissionNoticeDeadline,
            edit.DefaultReportingDate, edit.IntakeBand ?? new IntakeBand(-1, -1), edit.SelfRaisedGrantCny, edit.FundedMatchRatio,
            edit.FundedMatchCapCny, edit.NoticeGroup?.Trim(), edit.AgeSoftLimit ?? 45, edit.MentorMaxFellows ?? 1,
            edit.MentorMinimumTitle ?? MentorTitle.ASSOCIATE_CHIEF);
        var json = JsonSerializer.Serialize(new { definition, positions }, LoadFellowshipCycleHandler.Json);
        var cycle = definition.ToCycle(positions, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)))[..16], user.Actor());
        if (cycle.Problems() is { Count: > 0 } problems)
            throw new DomainException("cycle.invalid", "The cycle is inconsistent; nothing was saved.", StatusCodes.Status400BadRequest,
                new Dictionary<string, object?> { ["problems"] = problems });

        await using var session = store.LightweightSession();
        if (await session.Query<Fellowship>().AnyAsync(f => f.Year == year && f.Status != FellowshipStatus.DRAFT, ct))
            throw DomainException.Conflict("cycle.locked", $"Applications have been submitted to {year}; its settings and table can no longer change.");
        session.Store(cycle);
        await session.SaveChangesAsync(ct);
        return View(cycle);
    }

    private static CycleView View(FellowshipCycle c)
    {
        var warnings = new List<string>();
        if (c.TotalQuota < c.IntakeBand.Min) warnings.Add("TABLE_BELOW_INTAKE_BAND");
        if (c.TotalQuota > c.IntakeBand.Max) warnings.Add("TABLE_ABOVE_INTAKE_BAND");
        return new CycleView(c.Id, c.Version, c.UpdatedBy, c.ApplicationOpen, c.ApplicationClose, c.AdmissionNoticeDeadline, c.DefaultReportingDate,
            c.IntakeBand, c.SelfRaisedGrantCny, c.FundedMatchRatio, c.FundedMatchCapCny, c.NoticeGroup, c.AgeSoftLimit, c.MentorMaxFellows,
            c.MentorMinimumTitle, c.TotalQuota, warnings, c.Positions);
    }
}
