using System.Diagnostics;
using System.Globalization;
using Google.OrTools.Sat;

namespace Recruitment.Rotation.Domain.Scheduling;

/// <summary>Time limit for the whole run; <see cref="LocalSearch"/> false goes straight to CP-SAT (tests of the solver stage).</summary>
internal sealed record SchedulerOptions(double TimeLimitSeconds = 20, int Workers = 0, int Seed = 1, bool LocalSearch = true);

/// <summary>
/// The automatic scheduler (issue item 4), a pure component over <see cref="SchedulingProblem"/>. Every trainee
/// gets one block per required department of exactly its months (so every block is at least its minimum
/// length); the blocks tile the trainee's training months without gap or overlap; every department's monthly
/// load, the kept plans' load included, stays within its capacity. Three stages, cheapest first:
/// exact capacity bounds (a department needed with no capacity, demand above the spare capacity of the
/// window, compulsory parts of long blocks) refuse at once with the departments and months short; a local
/// search over block orders (<see cref="LocalSearch"/>) finds a plan in the usual case; otherwise CP-SAT
/// (Google OR-Tools) solves the full model (per trainee NoOverlap over fixed-size intervals whose lengths add
/// up to the training months, per department a Cumulative of its capacity), started from the search's best
/// plan, and either repairs it or proves that none exists. With no plan, the report names every department
/// and month over capacity in the best plan found, with demand and capacity, instead of a broken plan.
/// </summary>
internal static class RotationScheduler
{
    public static ScheduleResult Solve(SchedulingProblem problem, SchedulerOptions? options = null)
    {
        options ??= new SchedulerOptions();
        var watch = Stopwatch.StartNew();
        var problems = Validate(problem, out var tasks);
        if (problems.Count > 0)
            return new ScheduleResult(ScheduleOutcome.INVALID_INPUT, [], [], problems, "NOT_SOLVED", watch.Elapsed);
        if (tasks.Count == 0)
            return new ScheduleResult(ScheduleOutcome.FEASIBLE, [], [], [], "EMPTY", watch.Elapsed);

        // Exact necessary conditions: when one fails, no plan exists, and the failing departments and months are known.
        var proven = Proofs(problem, tasks);
        if (proven.Count > 0)
            return new ScheduleResult(ScheduleOutcome.INFEASIBLE, [], proven, [], "CAPACITY_BOUND", watch.Elapsed);

        // 1. A quick local search over block orders; zero excess is a plan.
        var search = LocalSearch.Solve(problem, tasks, options.Seed, options.LocalSearch ? options.TimeLimitSeconds * 0.4 : 0);
        if (search.Excess == 0 && options.LocalSearch)
            return new ScheduleResult(ScheduleOutcome.FEASIBLE, search.Plans, [], [], "LOCAL_SEARCH", watch.Elapsed);

        // 2. CP-SAT on the full model (any order of blocks per trainee), started from the search's best plan:
        //    it repairs that plan, or proves that no plan exists.
        var hint = HintFrom(tasks, search.Plans);
        var remaining = Math.Max(1, options.TimeLimitSeconds - watch.Elapsed.TotalSeconds);
        var (status, plans) = Run(problem, tasks, hint, options, remaining);
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            return new ScheduleResult(ScheduleOutcome.FEASIBLE, plans, [], [], "CP_SAT_" + status.ToString().ToUpperInvariant(), watch.Elapsed);

        // No plan: report where the best plan found exceeds the capacities. Proven infeasible, or none found in time.
        var outcome = status == CpSolverStatus.Infeasible ? ScheduleOutcome.INFEASIBLE : ScheduleOutcome.NO_PLAN_FOUND;
        return new ScheduleResult(outcome, [], Overloads(problem, search.Plans), [], "CP_SAT_" + status.ToString().ToUpperInvariant(), watch.Elapsed);
    }

    /// <summary>
    /// Lower bounds that hold for every plan: a required department with no capacity; a department whose
    /// demand exceeds its spare capacity over the months its trainees can be there; and compulsory parts (a
    /// block longer than half the free window always covers its middle months) above a month's capacity.
    /// </summary>
    private static List<CapacityShortfall> Proofs(SchedulingProblem problem, List<Task> tasks)
    {
        var shortfalls = new List<CapacityShortfall>();
        var fixedLoad = FixedLoadOf(problem, tasks);
        foreach (var department in tasks.SelectMany(t => t.Blocks).Select(b => b.Department).Distinct().Order(StringComparer.Ordinal))
        {
            var capacity = problem.Capacity(department);
            var mine = tasks.Where(t => t.Blocks.Any(b => b.Department == department)).ToList();
            var from = mine.Min(t => t.FreeFrom);
            var to = mine.Max(t => t.End);
            var spare = 0;
            for (var m = from; m < to; m++) spare += Math.Max(0, capacity - fixedLoad.GetValueOrDefault((department, m)));
            var demand = mine.Sum(t => t.Blocks.Where(b => b.Department == department).Sum(b => b.Months));
            var compulsory = new Dictionary<int, int>();
            foreach (var t in mine)
                foreach (var b in t.Blocks.Where(b => b.Department == department))
                    for (var m = t.End - b.Months; m < t.FreeFrom + b.Months; m++)
                        compulsory[m] = compulsory.GetValueOrDefault(m) + 1;
            if (capacity == 0 || demand > spare)
            {
                // Every month of the window is short: report the months where trainees could be, with the average need.
                for (var m = from; m < to; m++)
                {
                    var present = mine.Count(t => t.FreeFrom <= m && m < t.End);
                    var need = (int)Math.Ceiling(demand / (double)(to - from)) + fixedLoad.GetValueOrDefault((department, m));
                    if (present > 0) shortfalls.Add(new CapacityShortfall(department, m, Math.Max(need, compulsory.GetValueOrDefault(m)), capacity));
                }
                continue;
            }
            foreach (var (m, count) in compulsory.OrderBy(c => c.Key))
                if (count + fixedLoad.GetValueOrDefault((department, m)) > capacity)
                    shortfalls.Add(new CapacityShortfall(department, m, count + fixedLoad.GetValueOrDefault((department, m)), capacity));
        }
        return shortfalls;
    }

    internal static Dictionary<(string, int), int> FixedLoadOf(SchedulingProblem problem, List<Task> tasks)
    {
        var load = new Dictionary<(string, int), int>();
        foreach (var f in problem.FixedLoad) load[(f.Department, f.Month)] = load.GetValueOrDefault((f.Department, f.Month)) + f.Trainees;
        foreach (var task in tasks)
            foreach (var b in task.Trainee.Fixed ?? [])
                for (var m = b.StartMonth; m < b.EndMonthExclusive; m++)
                    load[(b.Department, m)] = load.GetValueOrDefault((b.Department, m)) + 1;
        return load;
    }

    private static Dictionary<(int, int), int> HintFrom(List<Task> tasks, IReadOnlyList<TraineeSchedule> plans)
    {
        var byId = plans.ToDictionary(p => p.TraineeId);
        var hint = new Dictionary<(int, int), int>();
        for (var i = 0; i < tasks.Count; i++)
        {
            var used = new HashSet<ScheduledBlock>(tasks[i].Trainee.Fixed ?? []);
            var blocks = byId[tasks[i].Trainee.Id].Blocks.Where(b => !used.Contains(b)).ToList();
            for (var j = 0; j < tasks[i].Blocks.Count; j++)
                if (blocks.FirstOrDefault(b => b.Department == tasks[i].Blocks[j].Department) is { } b) hint[(i, j)] = b.StartMonth;
        }
        return hint;
    }

    /// <summary>The blocks the solver must place for one trainee, after its fixed prefix.</summary>
    internal sealed record Task(TraineeDemand Trainee, int FreeFrom, int End, IReadOnlyList<Requirement> Blocks);

    private static List<DemandProblem> Validate(SchedulingProblem problem, out List<Task> tasks)
    {
        var problems = new List<DemandProblem>();
        tasks = [];
        foreach (var t in problem.Trainees)
        {
            void Add(string code, string detail) => problems.Add(new DemandProblem(t.Id, code, detail));
            if (t.Requirements.Select(r => r.Department).Distinct().Count() != t.Requirements.Count)
            {
                Add("schedule.duplicate_department", "a department appears twice in the requirements");
                continue;
            }
            if (t.Requirements.Any(r => r.Months <= 0 || r.MinBlockMonths <= 0))
            {
                Add("schedule.invalid_requirement", "requirements are whole months above 0 with a minimum block of at least 1");
                continue;
            }
            var total = t.Requirements.Sum(r => r.Months);
            if (total != t.Months)
            {
                Add("schedule.months_mismatch", $"the requirements add up to {total} months, the training has {t.Months}");
                continue;
            }
            var fixedBlocks = (t.Fixed ?? []).OrderBy(b => b.StartMonth).ToList();
            var cursor = t.StartMonth;
            var broken = false;
            foreach (var f in fixedBlocks)
            {
                broken |= f.StartMonth != cursor || f.Months <= 0;
                cursor = f.EndMonthExclusive;
            }
            if (broken || cursor > t.StartMonth + t.Months)
            {
                Add("schedule.invalid_fixed_blocks", "fixed blocks must be a contiguous prefix of the training");
                continue;
            }
            var remaining = new List<Requirement>();
            foreach (var r in t.Requirements)
            {
                var done = fixedBlocks.Where(b => b.Department == r.Department).Sum(b => b.Months);
                if (done > r.Months) broken = true;
                else if (done < r.Months) remaining.Add(r with { Months = r.Months - done, MinBlockMonths = Math.Min(r.MinBlockMonths, r.Months - done) });
            }
            if (broken || fixedBlocks.Any(b => t.Requirements.All(r => r.Department != b.Department)))
            {
                Add("schedule.invalid_fixed_blocks", "fixed blocks exceed or fall outside the requirements");
                continue;
            }
            tasks.Add(new Task(t, cursor, t.StartMonth + t.Months, remaining));
        }
        return problems;
    }

    private static (CpSolverStatus, List<TraineeSchedule>) Run(SchedulingProblem problem, List<Task> tasks, Dictionary<(int, int), int> hint,
        SchedulerOptions options, double seconds)
    {
        var model = new CpModel();
        var starts = new Dictionary<(int Task, int Block), IntVar>();
        var byDepartment = new Dictionary<string, List<IntervalVar>>();
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            var intervals = new List<IntervalVar>();
            for (var j = 0; j < task.Blocks.Count; j++)
            {
                var block = task.Blocks[j];
                var start = model.NewIntVar(task.FreeFrom, task.End - block.Months, $"s{i}_{j}");
                var interval = model.NewFixedSizeIntervalVar(start, block.Months, $"b{i}_{j}");
                starts[(i, j)] = start;
                intervals.Add(interval);
                if (!byDepartment.TryGetValue(block.Department, out var list)) byDepartment[block.Department] = list = [];
                list.Add(interval);
                if (hint.TryGetValue((i, j), out var hinted)) model.AddHint(start, hinted);
            }
            if (intervals.Count > 1) model.AddNoOverlap(intervals);
        }

        // Load that does not move: kept plans, and the fixed prefixes of the trainees being planned.
        var fixedLoad = FixedLoadOf(problem, tasks);

        foreach (var (department, intervals) in byDepartment.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var capacity = problem.Capacity(department);
            var fixedHere = fixedLoad.Where(f => f.Key.Item1 == department).ToList();
            var cumulative = model.AddCumulative(capacity);
            foreach (var interval in intervals) cumulative.AddDemand(interval, 1);
            foreach (var ((_, month), load) in fixedHere)
                cumulative.AddDemand(model.NewFixedSizeIntervalVar(month, 1, $"fixed_{department}_{month}"), load);
        }

        var solver = new CpSolver
        {
            StringParameters = string.Create(CultureInfo.InvariantCulture,
                $"max_time_in_seconds:{seconds:0.###} num_workers:{(options.Workers > 0 ? options.Workers : Math.Clamp(Environment.ProcessorCount, 1, 8))} random_seed:{options.Seed}"),
        };
        var status = solver.Solve(model);
        var plans = new List<TraineeSchedule>();
        if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            for (var i = 0; i < tasks.Count; i++)
            {
                var placed = tasks[i].Blocks.Select((b, j) => new ScheduledBlock(b.Department, (int)solver.Value(starts[(i, j)]), b.Months));
                plans.Add(new TraineeSchedule(tasks[i].Trainee.Id, [.. (tasks[i].Trainee.Fixed ?? []).Concat(placed).OrderBy(b => b.StartMonth)]));
            }
        return (status, plans);
    }

    /// <summary>Every department and month where a plan puts more trainees than fit (kept plans' load included).</summary>
    internal static List<CapacityShortfall> Overloads(SchedulingProblem problem, IReadOnlyList<TraineeSchedule> plans)
    {
        var load = new Dictionary<(string, int), int>();
        foreach (var f in problem.FixedLoad) load[(f.Department, f.Month)] = load.GetValueOrDefault((f.Department, f.Month)) + f.Trainees;
        foreach (var plan in plans)
            foreach (var b in plan.Blocks)
                for (var m = b.StartMonth; m < b.EndMonthExclusive; m++)
                    load[(b.Department, m)] = load.GetValueOrDefault((b.Department, m)) + 1;
        return load.Where(l => l.Value > problem.Capacity(l.Key.Item1))
            .Select(l => new CapacityShortfall(l.Key.Item1, l.Key.Item2, l.Value, problem.Capacity(l.Key.Item1)))
            .OrderBy(s => s.Department, StringComparer.Ordinal).ThenBy(s => s.Month).ToList();
    }
}
