using System.Diagnostics.CodeAnalysis;
using Recruitment.Enrollment.Features.Admission;

namespace Recruitment.Enrollment.Features.Reports;

/// <summary>
/// GET /api/enrollment/cycles/{year}/reports/{report}?format=json|csv|xlsx (center, PHC): the province's summary
/// tables, built from the same documents and the same row code as the bases' own exports, so a province total is
/// the sum of the bases' tables by construction (the tests check it through HTTP):
/// <list type="bullet">
/// <item><c>applications-by-status</c>: applications per base, specialty, track and current status;</item>
/// <item><c>fill-rate</c>: places and proposed per cell, per base, for the shortage specialties and the province;</item>
/// <item><c>residency-proposed</c>, <c>assistant-gp-proposed</c>, <c>assistant-gp-qualified</c>: FORM-04 and Att4
/// consolidated across every base, bases in code order and ENR-52 order within each;</item>
/// <item><c>free-students</c>: name, ID and directed county of every free student (003 Att1 §3(5).3);</item>
/// <item><c>vacancies</c>: the vacancy table (ENR-51) as a file.</item>
/// </list>
/// Reads stay in the endpoint (ADR 0001). A table is built in memory: a province's few thousand applications fit.
/// </summary>
internal sealed class ProvinceReportsEndpoint : ICarterModule
{
    private const string Reports =
        "report is applications-by-status, fill-rate, residency-proposed, assistant-gp-proposed, assistant-gp-qualified, free-students or vacancies.";

    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/enrollment/cycles/{year:int}/reports/{report}", async (int year, string report, string? format, IEnrollmentStore store,
                CancellationToken ct) =>
            {
                var kind = format?.Trim().ToLowerInvariant() ?? "json";
                if (kind is not ("json" or "csv" or "xlsx"))
                    return Refusal.Invalid("report.unsupported_format", "format is json, csv or xlsx.").ToResult();
                await using var session = store.QuerySession();
                var cycle = await ApplicationAccess.Cycle(session, year, ct);
                if (await TableAsync(report.Trim().ToLowerInvariant(), session, cycle, ct) is not { } table)
                    return Refusal.NotFound("report.unknown", Reports).ToResult();
                var (columns, rows) = table;
                return kind == "json"
                    ? Results.Ok(new { year = cycle.Id, report, columns, rows, total = rows.Count })
                    : await TableExport.FileAsync(kind, $"{report}-{cycle.Id}", columns, rows, ct);
            })
            .RequireAuthorization(Policies.CenterOrPhcAdmin).WithTags("Enrollment: reports");

    private static async Task<(string[] Columns, List<IReadOnlyDictionary<string, object?>> Rows)?> TableAsync(string report, IQuerySession session,
        RecruitmentCycle cycle, CancellationToken ct)
    {
        switch (report)
        {
            case "applications-by-status":
            {
                var all = await session.Query<Application>().Where(a => a.Year == cycle.Id)
                    .Select(a => new StatusRow(a.BaseCode, a.SpecialtyCode, a.Track, a.Status)).ToListAsync(ct);
                var rows = all.GroupBy(a => a)
                    .OrderBy(g => g.Key.BaseCode, StringComparer.Ordinal).ThenBy(g => SpecialtyOrder.Of(g.Key.SpecialtyCode, null), StringComparer.Ordinal)
                    .ThenBy(g => g.Key.Track).ThenBy(g => g.Key.Status)
                    .Select(g => Row(("base", g.Key.BaseCode), ("specialty", g.Key.SpecialtyCode), ("track", g.Key.Track), ("status", g.Key.Status),
                        ("applications", g.Count())))
                    .ToList();
                return (["base", "specialty", "track", "status", "applications"], rows);
            }
            case "fill-rate":
                return (["level", "base", "specialty", "otherSpecialty", "shortage", "places", "proposed", "fillRate"],
                    FillRate(await VacanciesEndpoint.CellsAsync(session, cycle, ct), cycle));
            case "free-students":
            {
                var free = await session.Query<Application>().Where(a => a.Year == cycle.Id && a.IsFreeStudent).ToListAsync(ct);
                var rows = free.Where(a => a.IsActive).OrderBy(a => a.BaseCode, StringComparer.Ordinal).ThenBy(a => a.Name, StringComparer.Ordinal)
                    .Select(a => Row(("name", a.Name), ("idNumber", a.DocumentNumber), ("directedCounty", a.FreeStudentRecord?.DirectedCounty),
                        ("base", a.BaseCode), ("specialty", a.OtherSpecialty ?? a.SpecialtyCode), ("status", a.Status)))
                    .ToList();
                return (["name", "idNumber", "directedCounty", "base", "specialty", "status"], rows);
            }
            case "vacancies":
            {
                var rows = (await VacanciesEndpoint.CellsAsync(session, cycle, ct))
                    .Select(v => Row(("base", v.BaseCode), ("specialty", v.SpecialtyCode), ("otherSpecialty", v.OtherSpecialty), ("places", v.Places),
                        ("proposed", v.Proposed), ("vacancies", v.Vacancies)))
                    .ToList();
                return (["base", "specialty", "otherSpecialty", "places", "proposed", "vacancies"], rows);
            }
            default:
            {
                if (AdmissionExportsEndpoint.Table(report) is not { } table) return null;
                var applications = await session.Query<Application>().Where(a => a.Year == cycle.Id && a.Track == table.Track).ToListAsync(ct);
                return (table.Columns, AdmissionExportsEndpoint.Rows(applications.Where(a => table.Statuses.Contains(a.Status)), cycle).ToList());
            }
        }
    }

    /// <summary>One row per cell, then per base, then the shortage specialties together, then the province.</summary>
    private static List<IReadOnlyDictionary<string, object?>> FillRate(List<Vacancy> cells, RecruitmentCycle cycle)
    {
        var shortage = cycle.Specialties.Where(s => s.IsShortage).Select(s => s.Code).ToHashSet(StringComparer.Ordinal);
        IReadOnlyDictionary<string, object?> Line(string level, string? baseCode, string? specialty, string? other, bool? isShortage,
            IReadOnlyCollection<Vacancy> of)
        {
            var places = of.Sum(c => c.Places);
            var proposed = of.Sum(c => c.Proposed);
            return Row(("level", level), ("base", baseCode), ("specialty", specialty), ("otherSpecialty", other), ("shortage", isShortage),
                ("places", places), ("proposed", proposed), ("fillRate", places == 0 ? 0m : Math.Round((decimal)proposed / places, 4)));
        }

        var rows = cells.OrderBy(c => c.BaseCode, StringComparer.Ordinal).ThenBy(c => SpecialtyOrder.Of(c.SpecialtyCode, c.OtherSpecialty), StringComparer.Ordinal)
            .Select(c => Line("CELL", c.BaseCode, c.SpecialtyCode, c.OtherSpecialty, shortage.Contains(c.SpecialtyCode), [c]))
            .ToList();
        rows.AddRange(cells.GroupBy(c => c.BaseCode).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => Line("BASE", g.Key, null, null, null, g.ToList())));
        rows.Add(Line("SHORTAGE", null, null, null, true, cells.Where(c => shortage.Contains(c.SpecialtyCode)).ToList()));
        rows.Add(Line("PROVINCE", null, null, null, null, cells));
        return rows;
    }

    [SuppressMessage("Performance", "CA1859", Justification = "every report's rows are one list of read-only rows, whatever the report")]
    private static IReadOnlyDictionary<string, object?> Row(params (string Column, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => c.Value is Enum e ? e.ToString() : c.Value);

    private sealed record StatusRow(string BaseCode, string SpecialtyCode, Track Track, ApplicationStatus Status);
}
