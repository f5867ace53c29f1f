namespace Recruitment.Rotation.Domain.Scheduling;

/// <summary>One broken rule in a produced plan, as the independent checker sees it.</summary>
internal sealed record Violation(string Code, Guid? TraineeId, string? Department, int? Month, string Detail);

/// <summary>
/// Validates a produced schedule against its problem without any solver: every trainee's months are covered
/// exactly once and only inside its training (ROT-06: contiguous, no overlap, first month the training start,
/// last month the training end), every department gets exactly its required months, every block is at least
/// its minimum length, fixed blocks are kept, and no department exceeds its capacity in any month (counting
/// the load of the plans kept). Used by the scheduler's tests and by the benchmark, never trusted to the solver.
/// </summary>
internal static class PlanChecker
{
    public static IReadOnlyList<Violation> Check(SchedulingProblem problem, IReadOnlyList<TraineeSchedule> plans)
    {
        var violations = new List<Violation>();
        var byId = plans.GroupBy(p => p.TraineeId).ToDictionary(g => g.Key, g => g.ToList());
        var load = new Dictionary<(string, int), int>();
        foreach (var f in problem.FixedLoad)
            load[(f.Department, f.Month)] = load.GetValueOrDefault((f.Department, f.Month)) + f.Trainees;

        foreach (var trainee in problem.Trainees)
        {
            if (!byId.TryGetValue(trainee.Id, out var found) || found.Count != 1)
            {
                violations.Add(new("plan.missing", trainee.Id, null, null, found is null ? "no plan" : "more than one plan"));
                continue;
            }
            var blocks = found[0].Blocks.OrderBy(b => b.StartMonth).ToList();
            var expected = trainee.StartMonth;
            foreach (var block in blocks)
            {
                if (block.Months <= 0) violations.Add(new("plan.empty_block", trainee.Id, block.Department, block.StartMonth, "a block of no months"));
                if (block.StartMonth > expected) violations.Add(new("plan.gap", trainee.Id, null, expected, $"months {MonthIndex.Label(expected)}..{MonthIndex.Label(block.StartMonth - 1)} unplanned"));
                if (block.StartMonth < expected) violations.Add(new("plan.overlap", trainee.Id, block.Department, block.StartMonth, "overlaps the previous block"));
                expected = Math.Max(expected, block.EndMonthExclusive);
                for (var m = block.StartMonth; m < block.EndMonthExclusive; m++)
                    load[(block.Department, m)] = load.GetValueOrDefault((block.Department, m)) + 1;
            }
            if (blocks.Count == 0 || blocks[0].StartMonth != trainee.StartMonth)
                violations.Add(new("plan.wrong_start", trainee.Id, null, trainee.StartMonth, "the first block does not start with the training"));
            if (expected != trainee.StartMonth + trainee.Months)
                violations.Add(new("plan.wrong_end", trainee.Id, null, expected, "the last block does not end with the training"));

            // Runs of one department count as one block however the schedule cut them.
            var runs = new List<ScheduledBlock>();
            foreach (var b in blocks)
                if (runs.Count > 0 && runs[^1].Department == b.Department && runs[^1].EndMonthExclusive == b.StartMonth)
                    runs[^1] = runs[^1] with { Months = runs[^1].Months + b.Months };
                else runs.Add(b);
            var required = trainee.Requirements.ToDictionary(r => r.Department);
            foreach (var run in runs)
            {
                if (!required.TryGetValue(run.Department, out var r))
                    violations.Add(new("plan.unrequired_department", trainee.Id, run.Department, run.StartMonth, "not in the trainee's requirements"));
                else if (run.Months < Math.Min(r.MinBlockMonths, r.Months))
                    violations.Add(new("plan.block_too_short", trainee.Id, run.Department, run.StartMonth, $"{run.Months} months, minimum {r.MinBlockMonths}"));
            }
            foreach (var r in trainee.Requirements)
            {
                var planned = blocks.Where(b => b.Department == r.Department).Sum(b => b.Months);
                if (planned != r.Months)
                    violations.Add(new("plan.requirement_not_met", trainee.Id, r.Department, null, $"{planned} months planned, {r.Months} required"));
            }
            foreach (var f in trainee.Fixed ?? [])
                if (!blocks.Contains(f))
                    violations.Add(new("plan.fixed_block_changed", trainee.Id, f.Department, f.StartMonth, "an immutable block was moved or changed"));
        }

        foreach (var ((department, month), trainees) in load.OrderBy(l => l.Key.Item1).ThenBy(l => l.Key.Item2))
        {
            var capacity = problem.Capacity(department);
            if (trainees > capacity)
                violations.Add(new("plan.over_capacity", null, department, month, $"{trainees} trainees, capacity {capacity}"));
        }
        return violations;
    }
}
