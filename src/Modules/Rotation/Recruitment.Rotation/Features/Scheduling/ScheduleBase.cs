using Microsoft.Extensions.Configuration;
using Recruitment.Rotation.Domain.Scheduling;

namespace Recruitment.Rotation.Features.Scheduling;

internal sealed record ScheduleRequest(int? Year, List<Guid>? Replan);

/// <summary>Run the scheduler for a base's trainees of a cycle; <see cref="Replan"/> also replans those trainees whatever their plan's state.</summary>
public sealed record ScheduleBase(string BaseCode, int Year, IReadOnlyList<Guid> Replan, Caller Caller);

public sealed record ScheduledTrainee(Guid TraineeId, string Status, int Blocks);

public sealed record SkippedTrainee(Guid TraineeId, string Code, string Detail);

public sealed record ScheduleBaseResult(string BaseCode, int Year, string Outcome, string Stage, long ElapsedMs, IReadOnlyList<ScheduledTrainee> Planned,
    int Kept, IReadOnlyList<SkippedTrainee> Skipped);

/// <summary>
/// POST /api/rotation/bases/{baseCode}/schedule (the base's admin; body <c>{ year, replan: [traineeId] }</c>): the
/// automatic scheduler (issue item 4) for every trainee of the base and cycle without a plan or with a draft
/// (and those named in <c>replan</c>). Approved and submitted plans, and every other cycle's plans at the base,
/// stay as they are and take their share of the capacities; started and completed blocks are kept (ROT-08).
/// Standard trainees follow their template, reduced-year trainees exactly their make-up items (ROT-04, ROT-06).
/// All plans are written in one transaction as DRAFT (each checked again by ROT-06 and the independent plan
/// checker), or none: when no plan fits the capacities the answer is 422 <c>schedule.infeasible</c> (proven) or
/// <c>schedule.no_plan_found</c> (not found in the time limit) listing every department and month over capacity.
/// </summary>
internal sealed class ScheduleBaseEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.RotationApi().MapPost("/bases/{baseCode}/schedule", (string baseCode, ScheduleRequest? body, Caller caller, IMessageBus bus,
                TimeProvider clock, CancellationToken ct) =>
            {
                var year = body?.Year ?? clock.GetUtcNow().ToOffset(ChinaTime.Offset).Year;
                return bus.SendAsync<ScheduleBaseResult>(new ScheduleBase(baseCode.ToUpperInvariant(), year, body?.Replan ?? [], caller), ct);
            })
            .RequireAuthorization(Policies.BaseAdmin);
}

[MartenStore(typeof(IRotationStore))]
public static class ScheduleBaseHandler
{
    public static async Task<Outcome<ScheduleBaseResult>> Handle(ScheduleBase command, IDocumentSession session, TimeProvider clock,
        IConfiguration configuration, CancellationToken ct)
    {
        if (command.Caller.ActsForBase(command.BaseCode) is { } forbidden) return forbidden;
        if (await session.LoadAsync<RotationCycle>(command.Year, ct) is not { } cycle) return RotationAccess.CycleNotFound(command.Year);
        if (!cycle.BaseCodes.Contains(command.BaseCode)) return RotationAccess.BaseNotFound(command.BaseCode);
        if (await session.LoadAsync<BaseCapacity>(command.BaseCode, ct) is not { } capacity)
            return Refusal.Conflict("capacity.not_set", $"Set the department capacities of {command.BaseCode} first.");

        var trainees = await session.Query<Trainee>()
            .Where(t => t.BaseCode == command.BaseCode && t.Year == command.Year && t.Departure == null).ToListAsync(ct); // ENR-69
        var unknown = command.Replan.Where(id => trainees.All(t => t.Id != id)).ToList();
        if (unknown.Count > 0)
            return Refusal.NotFound("trainee.not_found", $"Not trainees of {command.BaseCode} {command.Year}: {string.Join(", ", unknown)}.");

        var contexts = new List<PlanContext>();
        foreach (var t in trainees) contexts.Add(await PlanContext.ForAsync(session, t, ct));
        var toPlan = contexts.Where(c => c.Plan is null || c.Plan.Status == PlanStatus.DRAFT || command.Replan.Contains(c.Trainee.Id)).ToList();
        var skipped = toPlan.Where(c => !c.Demand.Ready).Select(c => new SkippedTrainee(c.Trainee.Id, c.Demand.PendingCode!, c.Demand.PendingDetail!)).ToList();
        toPlan = toPlan.Where(c => c.Demand.Ready).ToList();
        var planning = toPlan.Select(c => c.Trainee.Id).ToHashSet();

        // Everything else at the base keeps its months and uses capacity: other plans of this cycle and of every other cycle.
        var kept = (await session.Query<RotationPlan>().Where(p => p.BaseCode == command.BaseCode).ToListAsync(ct)).Where(p => !planning.Contains(p.Id)).ToList();
        var fixedLoad = kept.SelectMany(p => p.Blocks)
            .SelectMany(b => Enumerable.Range(MonthIndex.Of(b.Start), b.Months).Select(m => (b.Department, m)))
            .GroupBy(x => x).Select(g => new FixedLoad(g.Key.Department, g.Key.m, g.Count())).ToList();

        var problem = new SchedulingProblem(
            capacity.PerMonth.Select(kv => new DepartmentCapacity(kv.Key, kv.Value)).ToList(),
            toPlan.Select(c => new TraineeDemand(c.Trainee.Id, MonthIndex.Of(c.Demand.Start), c.Demand.Months,
                c.Demand.Items.Select(i => new Requirement(i.Department.ToUpperInvariant(), i.Months, i.MinBlockMonths)).ToList(),
                c.Plan?.Blocks.Where(b => b.Immutable).Select(b => new ScheduledBlock(b.Department, MonthIndex.Of(b.Start), b.Months)).ToList())).ToList(),
            fixedLoad);
        var timeLimit = configuration.GetValue("Rotation:Scheduler:TimeLimitSeconds", 20.0);
        var result = RotationScheduler.Solve(problem, new SchedulerOptions(timeLimit));
        switch (result.Outcome)
        {
            case ScheduleOutcome.INVALID_INPUT:
                return new Refusal("schedule.invalid_demand", "Some trainees' demand cannot be planned.", Extensions: new Dictionary<string, object?>
                {
                    ["problems"] = result.Problems.Select(p => new { traineeId = p.TraineeId, code = p.Code, detail = p.Detail }).ToList(),
                });
            case ScheduleOutcome.INFEASIBLE or ScheduleOutcome.NO_PLAN_FOUND:
                var proven = result.Outcome == ScheduleOutcome.INFEASIBLE;
                return new Refusal(proven ? "schedule.infeasible" : "schedule.no_plan_found",
                    proven
                        ? $"No plan fits the capacities of {command.BaseCode}: {result.Shortfalls.Count} department-months are over capacity."
                        : $"No plan was found within {timeLimit} s; the best plan found is over capacity in {result.Shortfalls.Count} department-months.",
                    Extensions: new Dictionary<string, object?>
                    {
                        ["proven"] = proven,
                        ["shortfalls"] = result.Shortfalls.Select(s => new { department = s.Department, month = s.MonthLabel, demand = s.Demand, capacity = s.Capacity })
                            .ToList(),
                    });
        }

        // Never trust the solver's word: the independent checker must find nothing.
        var violations = PlanChecker.Check(problem, result.Plans);
        if (violations.Count > 0)
            throw new InvalidOperationException($"The scheduler produced an invalid plan: {string.Join("; ", violations.Take(5).Select(v => v.Code + " " + v.Detail))}");

        var now = clock.GetUtcNow();
        var known = await RotationAccess.DepartmentsAsync(session, ct);
        // Every plan is checked against ROT-06 before the first is written: a refusal leaves nothing half-planned.
        var checkedPlans = new List<(PlanContext Context, List<BlockInput> Blocks)>();
        foreach (var plan in result.Plans)
        {
            var c = toPlan.Single(x => x.Trainee.Id == plan.TraineeId);
            var first = MonthIndex.Of(c.Demand.Start);
            var validated = PlanRules.Validate(plan.Blocks.OrderBy(b => b.StartMonth).Select(b => new BlockInput(b.Department,
                    c.Demand.Start.AddMonths(b.StartMonth - first), c.Demand.Start.AddMonths(b.EndMonthExclusive - first).AddDays(-1))).ToList(),
                c.Demand, known);
            if (validated.Refused(out var invalid, out var blocks)) return invalid;
            checkedPlans.Add((c, blocks));
        }
        var planned = new List<ScheduledTrainee>();
        foreach (var (c, blocks) in checkedPlans)
        {
            if (c.Plan is null)
                session.Events.StartStream<RotationPlan>(c.Trainee.Id, new PlanGenerated(c.Trainee.Id, c.Trainee.Year, c.Trainee.BaseCode,
                    c.Demand.Reduced, c.Demand.Months, blocks, result.SolverStatus, command.Caller.Actor, now));
            else
                session.Events.Append(c.Trainee.Id, new PlanEdited(c.Demand.Reduced, c.Demand.Months, blocks, "SCHEDULER", result.SolverStatus,
                    command.Caller.Actor, now));
            var status = c.Plan?.Status switch
            {
                PlanStatus.APPROVED or PlanStatus.PENDING_CENTER_REVIEW or PlanStatus.PENDING_BASE_APPROVAL =>
                    c.Demand.Reduced ? PlanStatus.PENDING_CENTER_REVIEW : PlanStatus.PENDING_BASE_APPROVAL,
                _ => PlanStatus.DRAFT,
            };
            planned.Add(new ScheduledTrainee(c.Trainee.Id, status.ToString(), blocks.Count));
        }
        return new ScheduleBaseResult(command.BaseCode, command.Year, result.Outcome.ToString(), result.SolverStatus, (long)result.Elapsed.TotalMilliseconds,
            planned, kept.Count(p => p.Year == command.Year), skipped);
    }
}
