namespace Recruitment.Rotation.Domain.Scheduling;

/// <summary>
/// The scheduler's fast first stage, a min-conflicts local search over block orders. Every trainee keeps one
/// block per required department, so a plan is an order of those blocks. Start: trainees with the same demand
/// (same template, same free months) are spread round-robin over the cyclic rotations of one order, which
/// evens each department's load over the months. Then, while some department-month is over capacity, a
/// trainee sitting in one moves to the order that lowers the total excess most (sideways moves allowed),
/// chosen among its group's rotations of several base orders, every swap of two of its blocks and every move
/// of one block elsewhere. Stops at zero excess (a plan) or when time is up (the best plan found, whose excess
/// says where capacity is short). It proves nothing; <see cref="RotationScheduler"/> runs CP-SAT after it.
/// </summary>
internal static class LocalSearch
{
    internal sealed record Result(IReadOnlyList<TraineeSchedule> Plans, long Excess);

    public static Result Solve(SchedulingProblem problem, List<RotationScheduler.Task> tasks, int seed, double seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        var random = new Random(seed);
        var departments = tasks.SelectMany(t => t.Blocks).Select(b => b.Department).Distinct().Order(StringComparer.Ordinal).ToList();
        var index = departments.Select((d, i) => (d, i)).ToDictionary(x => x.d, x => x.i);
        var first = tasks.Min(t => t.FreeFrom);
        var months = tasks.Max(t => t.End) - first;
        var room = new int[departments.Count, months];
        var fixedLoad = RotationScheduler.FixedLoadOf(problem, tasks);
        for (var d = 0; d < departments.Count; d++)
            for (var m = 0; m < months; m++)
                room[d, m] = problem.Capacity(departments[d]) - fixedLoad.GetValueOrDefault((departments[d], first + m));

        // Groups of interchangeable trainees share candidate orders (as block indices into their demand).
        var groupOf = new int[tasks.Count];
        var candidates = new List<List<int[]>>();
        var orders = new int[tasks.Count][];
        foreach (var group in Enumerable.Range(0, tasks.Count)
                     .GroupBy(i => (tasks[i].FreeFrom, tasks[i].End, Key: string.Join(";", tasks[i].Blocks.Select(b => $"{b.Department}:{b.Months}"))))
                     .Select(g => g.OrderBy(i => tasks[i].Trainee.Id).ToList()))
        {
            var blocks = tasks[group[0]].Blocks;
            var rotations = Rotations(blocks, Math.Clamp(2 + group.Count / 8, 2, 32), random);
            candidates.Add(rotations);
            for (var k = 0; k < group.Count; k++)
            {
                groupOf[group[k]] = candidates.Count - 1;
                orders[group[k]] = (int[])rotations[k % Math.Min(rotations.Count, blocks.Count)].Clone();
            }
        }

        var load = new int[departments.Count, months];
        void Apply(int t, int[] order, int sign)
        {
            var m = tasks[t].FreeFrom - first;
            foreach (var j in order)
            {
                var block = tasks[t].Blocks[j];
                var d = index[block.Department];
                for (var k = 0; k < block.Months; k++, m++) load[d, m] += sign;
            }
        }
        // Cost of adding an order to the current load: the months it would push over capacity.
        int Cost(int t, int[] order)
        {
            var cost = 0;
            var m = tasks[t].FreeFrom - first;
            foreach (var j in order)
            {
                var block = tasks[t].Blocks[j];
                var d = index[block.Department];
                for (var k = 0; k < block.Months; k++, m++)
                    if (load[d, m] >= room[d, m]) cost++;
            }
            return cost;
        }
        bool Overloaded(int t)
        {
            var m = tasks[t].FreeFrom - first;
            foreach (var j in orders[t])
            {
                var block = tasks[t].Blocks[j];
                var d = index[block.Department];
                for (var k = 0; k < block.Months; k++, m++)
                    if (load[d, m] > room[d, m]) return true;
            }
            return false;
        }
        long Excess()
        {
            long e = 0;
            for (var d = 0; d < departments.Count; d++)
                for (var m = 0; m < months; m++)
                    e += Math.Max(0, load[d, m] - room[d, m]);
            return e;
        }

        for (var t = 0; t < tasks.Count; t++) Apply(t, orders[t], +1);
        var excess = Excess();
        var best = (Excess: excess, Orders: orders.Select(o => (int[])o.Clone()).ToArray());
        var sequence = Enumerable.Range(0, tasks.Count).ToArray();
        var stale = 0;
        while (excess > 0 && DateTime.UtcNow < deadline)
        {
            random.Shuffle(sequence);
            foreach (var t in sequence)
            {
                if (!Overloaded(t)) continue;
                Apply(t, orders[t], -1);
                var before = Cost(t, orders[t]);
                var (chosen, cost, ties) = (orders[t], before, 1);
                foreach (var order in Neighbours(orders[t], candidates[groupOf[t]]))
                {
                    var c = Cost(t, order);
                    if (c < cost) (chosen, cost, ties) = (order, c, 1);
                    else if (c == cost && random.Next(++ties) == 0) chosen = order;
                }
                orders[t] = chosen;
                Apply(t, chosen, +1);
                excess += cost - before;
                if (excess == 0) break;
            }
            if (excess < best.Excess)
            {
                best = (excess, orders.Select(o => (int[])o.Clone()).ToArray());
                stale = 0;
            }
            else if (++stale % 50 == 0)
            {
                // Stuck: shake a few trainees to a random rotation and go on from there.
                for (var n = 0; n < Math.Max(1, tasks.Count / 50); n++)
                {
                    var t = random.Next(tasks.Count);
                    Apply(t, orders[t], -1);
                    var pool = candidates[groupOf[t]];
                    orders[t] = (int[])pool[random.Next(pool.Count)].Clone();
                    Apply(t, orders[t], +1);
                }
                excess = Excess();
            }
        }

        var plans = new List<TraineeSchedule>(tasks.Count);
        for (var t = 0; t < tasks.Count; t++)
        {
            var placed = new List<ScheduledBlock>(tasks[t].Trainee.Fixed ?? []);
            var month = tasks[t].FreeFrom;
            foreach (var j in best.Orders[t])
            {
                placed.Add(new ScheduledBlock(tasks[t].Blocks[j].Department, month, tasks[t].Blocks[j].Months));
                month += tasks[t].Blocks[j].Months;
            }
            plans.Add(new TraineeSchedule(tasks[t].Trainee.Id, placed));
        }
        return new Result(plans, best.Excess);
    }

    /// <summary>The group's rotations, every swap of two blocks, and every move of one block to another place.</summary>
    private static IEnumerable<int[]> Neighbours(int[] current, List<int[]> rotations)
    {
        foreach (var r in rotations) yield return r;
        for (var i = 0; i < current.Length; i++)
            for (var j = i + 1; j < current.Length; j++)
            {
                var swapped = (int[])current.Clone();
                (swapped[i], swapped[j]) = (swapped[j], swapped[i]);
                yield return swapped;
            }
        for (var i = 0; i < current.Length; i++)
            for (var j = 0; j < current.Length; j++)
            {
                if (j == i || j == i - 1) continue;
                var list = current.ToList();
                var item = list[i];
                list.RemoveAt(i);
                list.Insert(j > i ? j : j + 1, item);
                yield return [.. list];
            }
    }

    /// <summary>Every cyclic rotation of several base orders (longest block first, then seeded shuffles); all orders for up to 4 blocks.</summary>
    private static List<int[]> Rotations(IReadOnlyList<Requirement> blocks, int baseOrders, Random random)
    {
        var indices = Enumerable.Range(0, blocks.Count).ToArray();
        if (blocks.Count <= 4) return Permutations(indices).ToList();
        var bases = new List<int[]> { indices.OrderByDescending(j => blocks[j].Months).ThenBy(j => blocks[j].Department, StringComparer.Ordinal).ToArray() };
        while (bases.Count < baseOrders) bases.Add(indices.OrderBy(_ => random.Next()).ToArray());
        var seen = new HashSet<string>();
        var result = new List<int[]>();
        foreach (var order in bases)
            for (var r = 0; r < order.Length; r++)
            {
                int[] rotated = [.. order.Skip(r), .. order.Take(r)];
                if (seen.Add(string.Join(",", rotated))) result.Add(rotated);
            }
        return result;
    }

    private static IEnumerable<int[]> Permutations(int[] items)
    {
        if (items.Length <= 1)
        {
            yield return items;
            yield break;
        }
        for (var i = 0; i < items.Length; i++)
            foreach (var rest in Permutations([.. items.Take(i), .. items.Skip(i + 1)]))
                yield return [items[i], .. rest];
    }
}
