using Marten.Pagination;
using Wolverine;

namespace Recruitment.Rotation.Features.Alerts;

/// <summary>The daily rotation check of a cycle: flag and alert trainees without an approved plan or orientation.</summary>
public sealed record RunDailyRotationCheck(int Year);

/// <summary>
/// A durable timer, not a polling loop: when a cycle is published, one scheduled message is stored in
/// Wolverine's envelope tables for the second after the rotation-plan deadline (08-31 23:59:59, i.e. 09-01
/// 00:00, DATE-CONV); each run schedules the next for the following midnight (China time), for the first
/// training year. A run raises one alert per trainee and flag: NO_APPROVED_PLAN (ROT-01), AWAITING_PLAN_APPROVAL
/// for a reduced-year plan the center has not approved, to the center and the base, every day until it does
/// (ROT-09), ORIENTATION_INCOMPLETE (ROT-03). A run for a day already checked does nothing (repeated
/// publications of a cycle start extra timers; they collapse here).
/// </summary>
[MartenStore(typeof(IRotationStore))]
public static class DailyRotationCheckHandler
{
    /// <summary>The first run, scheduled by the cycle's copy handler when the cycle is published (one handler per message and module).</summary>
    internal static object FirstRun(RecruitmentCyclePublished cycle, DateTimeOffset now) =>
        new RunDailyRotationCheck(cycle.Year).DelayedFor(Until(cycle.Calendar.RotationPlanDeadline.AddSeconds(1), now));

    public static async Task<object?> Handle(RunDailyRotationCheck command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cycle = await session.LoadAsync<RotationCycle>(command.Year, ct);
        if (cycle is null) return null;
        var firstRun = cycle.RotationPlanDeadline.AddSeconds(1);
        // Early (the calendar moved since scheduling): wait for the deadline in force now.
        if (now < firstRun) return command.DelayedFor(Until(firstRun, now));

        var today = ChinaTime.Date(now);
        var run = await session.LoadAsync<DailyCheckRun>(command.Year, ct);
        if (run?.LastRunDate >= today) return null;
        session.Store(new DailyCheckRun { Id = command.Year, LastRunDate = today });

        var trainees = await session.Query<Trainee>().Where(t => t.Year == command.Year && t.Departure == null).ToListAsync(ct); // ENR-69
        foreach (var trainee in trainees)
        {
            var c = await PlanContext.ForAsync(session, trainee, ct);
            foreach (var flag in c.Flags(now))
            {
                var forCenter = c.Demand.Reduced && (flag == "AWAITING_PLAN_APPROVAL" || flag == "NO_APPROVED_PLAN");
                session.Store(new RotationAlert
                {
                    Id = $"{today:yyyy-MM-dd}:{trainee.Id:N}:{flag}",
                    Date = today,
                    Year = trainee.Year,
                    BaseCode = trainee.BaseCode,
                    TraineeId = trainee.Id,
                    TraineeName = trainee.Name,
                    Code = flag,
                    ForCenter = forCenter,
                    RaisedAt = now,
                });
            }
        }

        // Next midnight in China time, for the first training year.
        var next = new DateTimeOffset(today.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
        return today < cycle.TrainingStartDate.AddYears(1) ? command.DelayedFor(Until(next, now)) : null;
    }

    private static TimeSpan Until(DateTimeOffset at, DateTimeOffset now) => at > now ? at - now : TimeSpan.Zero;
}

/// <summary>
/// GET /api/rotation/alerts (filters date, baseCode, year; paging): the daily alerts. A base admin sees their
/// base's; the center sees all, or with <c>forCenter=true</c> those addressed to it (reduced-year plans).
/// </summary>
internal sealed class AlertsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.RotationApi().MapGet("/alerts", async (DateOnly? date, string? baseCode, int? year, bool? forCenter, int? page, int? pageSize,
                Caller caller, IRotationStore store, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                if (RotationAccess.ListedBase(baseCode, caller, out var code) is { } forbidden) return forbidden.ToResult();
                await using var session = store.QuerySession();
                var query = session.Query<RotationAlert>().AsQueryable();
                if (code is not null) query = query.Where(a => a.BaseCode == code);
                if (date is { } d) query = query.Where(a => a.Date == d);
                if (year is { } y) query = query.Where(a => a.Year == y);
                if (forCenter == true) query = query.Where(a => a.ForCenter);
                if (forCenter == false) query = query.Where(a => !a.ForCenter);
                var rows = await query.OrderByDescending(a => a.Date).ThenBy(a => a.BaseCode).ThenBy(a => a.Id).ToPagedListAsync(paging.Page, paging.PageSize, ct);
                return Results.Ok(paging.Of(rows.Select(a => new { a.Date, a.Year, a.BaseCode, a.TraineeId, a.TraineeName, a.Code, a.ForCenter, a.RaisedAt })
                    .ToList(), rows.TotalItemCount));
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin);
}
