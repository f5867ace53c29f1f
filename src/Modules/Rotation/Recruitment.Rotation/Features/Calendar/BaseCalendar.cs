using Recruitment.Rotation.Domain.Scheduling;

namespace Recruitment.Rotation.Features.Calendar;

/// <summary>
/// GET /api/rotation/bases/{baseCode}/calendar?year=&amp;format=json|csv|xlsx&amp;approvedOnly= (the base's admin, the
/// center): department x month occupancy of the base's plans of the cycle (every plan of the base counts,
/// whatever its cycle, so the load is the one departments really carry), with each department's capacity and
/// the cells over it. CSV and XLSX through the shared table export.
/// </summary>
internal sealed class BaseCalendarEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.RotationApi().MapGet("/bases/{baseCode}/calendar", async (string baseCode, int? year, string? format, bool? approvedOnly, Caller caller,
                IRotationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var code = baseCode.ToUpperInvariant();
                var y = year ?? clock.GetUtcNow().ToOffset(ChinaTime.Offset).Year;
                await using var session = store.QuerySession();
                if (await RotationAccess.ForBaseAsync(session, code, caller, ct) is { } refused) return refused.ToResult();
                if (await session.LoadAsync<RotationCycle>(y, ct) is not { } cycle) return RotationAccess.CycleNotFound(y).ToResult();
                var capacity = (await session.LoadAsync<BaseCapacity>(code, ct))?.PerMonth ?? [];
                var plans = await session.Query<RotationPlan>().Where(p => p.BaseCode == code).ToListAsync(ct);
                if (approvedOnly == true) plans = plans.Where(p => p.Status == PlanStatus.APPROVED).ToList();

                // The months of this cycle's training: from its start to the end of the longest plan of the cycle (at least the standard).
                var first = MonthIndex.Of(cycle.TrainingStartDate);
                var last = Math.Max(first + cycle.StandardResidencyMonths,
                    plans.Where(p => p.Year == y).SelectMany(p => p.Blocks).Select(b => MonthIndex.Of(b.Start) + b.Months).DefaultIfEmpty(first).Max());
                var months = Enumerable.Range(first, last - first).ToList();
                var load = plans.SelectMany(p => p.Blocks).SelectMany(b => Enumerable.Range(MonthIndex.Of(b.Start), b.Months).Select(m => (b.Department, m)))
                    .GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
                var departments = capacity.Keys.Concat(load.Keys.Select(k => k.Department)).Distinct().Order(StringComparer.Ordinal).ToList();
                var rows = departments.Select(d => new
                {
                    department = d,
                    capacity = capacity.GetValueOrDefault(d),
                    occupancy = months.Select(m => load.GetValueOrDefault((d, m))).ToList(),
                }).ToList();

                if (format is null || format.Equals("json", StringComparison.OrdinalIgnoreCase))
                    return Results.Ok(new
                    {
                        baseCode = code,
                        year = y,
                        months = months.Select(MonthIndex.Label),
                        plans = plans.Count(p => p.Year == y),
                        rows,
                        overCapacity = rows.SelectMany(r => r.occupancy.Select((n, i) => (r, n, i)).Where(x => x.n > x.r.capacity)
                            .Select(x => new { department = x.r.department, month = MonthIndex.Label(months[x.i]), demand = x.n, x.r.capacity })),
                    });
                var columns = new List<string> { "department", "capacity" };
                columns.AddRange(months.Select(MonthIndex.Label));
                var table = rows.Select(r =>
                {
                    var row = new Dictionary<string, object?> { ["department"] = r.department, ["capacity"] = r.capacity };
                    for (var i = 0; i < months.Count; i++) row[MonthIndex.Label(months[i])] = r.occupancy[i];
                    return (IReadOnlyDictionary<string, object?>)row;
                });
                return await TableExport.FileAsync(format, $"rotation-calendar-{code}-{y}", columns, table, ct);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin);
}
