// The rotation scheduler on one generated base: trainees x 36 months x departments with capacities a little above
// the average demand, solved by RotationScheduler and verified by the independent PlanChecker (not by the solver).
//   dotnet run -c Release --project benchmarks/Recruitment.Benchmarks.Rotation [-- --runs 3 --trainees 600
//       --departments 30 --slack 0.10 --seed 2024 --time-limit 60 --write docs/benchmarks.md]
// Measured, not asserted: the exit code is non-zero only when a produced plan breaks a rule.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Recruitment.Rotation.Domain.Scheduling;

CultureInfo.DefaultThreadCurrentCulture = CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var settings = Settings.Parse(args);
var instance = Generator.Create(settings);
var problem = instance.Problem;
Console.Error.WriteLine($"rotation: {problem.Trainees.Count} trainees ({instance.Reduced} reduced-year), {problem.Departments.Count} departments, " +
                        $"{instance.Templates} templates, capacity slack {settings.Slack:P0}, {settings.Runs} run(s), {Environment.ProcessorCount} cores");

var runs = new List<(double Seconds, ScheduleResult Result, int Violations)>();
for (var run = 0; run < settings.Runs; run++)
{
    var watch = Stopwatch.StartNew();
    var result = RotationScheduler.Solve(problem, new SchedulerOptions(settings.TimeLimit, Seed: settings.Seed + run));
    watch.Stop();
    var violations = result.Outcome == ScheduleOutcome.FEASIBLE ? PlanChecker.Check(problem, result.Plans).Count : -1;
    runs.Add((watch.Elapsed.TotalSeconds, result, violations));
    Console.Error.WriteLine($"run {run + 1}: {result.Outcome} ({result.SolverStatus}) in {watch.Elapsed.TotalSeconds:0.00} s, " +
                            $"checker violations {(violations < 0 ? "n/a" : violations)}, shortfalls {result.Shortfalls.Count} " +
                            string.Join(", ", result.Shortfalls.Take(12).Select(s => $"{s.Department} {s.MonthLabel} {s.Demand}/{s.Capacity}")));
}

// The infeasible case: the same base with one department's capacity cut, reported by department and month.
var cut = problem.Departments.MaxBy(d => d.PerMonth)!;
var tight = problem with { Departments = [.. problem.Departments.Select(d => d == cut ? d with { PerMonth = d.PerMonth * 7 / 10 } : d)] };
var infeasibleWatch = Stopwatch.StartNew();
var infeasible = RotationScheduler.Solve(tight, new SchedulerOptions(settings.TimeLimit, Seed: settings.Seed));
infeasibleWatch.Stop();
Console.Error.WriteLine($"capacity of {cut.Department} cut to 70%: {infeasible.Outcome} in {infeasibleWatch.Elapsed.TotalSeconds:0.00} s, " +
                        $"{infeasible.Shortfalls.Count} department-months over capacity " +
                        string.Join(", ", infeasible.Shortfalls.Take(4).Select(s => $"{s.Department} {s.MonthLabel} {s.Demand}/{s.Capacity}")));

var section = Report.Section(settings, instance, runs, cut, infeasible, infeasibleWatch.Elapsed.TotalSeconds);
Console.WriteLine(section);
if (settings.Write is { } path) Report.Replace(path, section);
return runs.Any(r => r.Violations > 0) ? 1 : 0;

internal sealed record Settings(int Trainees, int Departments, int Months, double Slack, int Seed, int Runs, double TimeLimit, string? Write)
{
    public static Settings Parse(string[] args)
    {
        var s = new Settings(600, 30, 36, 0.10, 2024, 3, 60, null);
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            s = args[i] switch
            {
                "--trainees" => s with { Trainees = int.Parse(v, CultureInfo.InvariantCulture) },
                "--departments" => s with { Departments = int.Parse(v, CultureInfo.InvariantCulture) },
                "--slack" => s with { Slack = double.Parse(v, CultureInfo.InvariantCulture) },
                "--seed" => s with { Seed = int.Parse(v, CultureInfo.InvariantCulture) },
                "--runs" => s with { Runs = int.Parse(v, CultureInfo.InvariantCulture) },
                "--time-limit" => s with { TimeLimit = double.Parse(v, CultureInfo.InvariantCulture) },
                "--write" => s with { Write = v },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return s;
    }
}

internal sealed record Instance(SchedulingProblem Problem, int Templates, int Reduced, int TotalDemandMonths, int TotalCapacityMonths);

/// <summary>
/// A base like the seeds' large ones, scaled up: specialty templates over the departments (each 9 to 12
/// departments of 2 to 9 months summing to 36, minimum blocks of 2 or 3 months), trainees spread over the
/// templates with General Practice the largest group, 5% reduced-year trainees (24 months of 2 or 3 make-up
/// departments), and each department's capacity its average monthly demand plus the slack, rounded up.
/// </summary>
internal static class Generator
{
    public static Instance Create(Settings s)
    {
        var random = new Random(s.Seed);
        var departments = Enumerable.Range(1, s.Departments).Select(i => $"D{i:D2}").ToList();
        var templates = new List<List<Requirement>>();
        for (var k = 0; k < 8; k++)
        {
            var count = random.Next(9, 13);
            var chosen = departments.OrderBy(_ => random.Next()).Take(count).ToList();
            var months = chosen.Select(_ => 2).ToArray();
            for (var left = s.Months - 2 * count; left > 0;)
            {
                var i = random.Next(count);
                if (months[i] >= 9) continue;
                months[i]++;
                left--;
            }
            templates.Add(chosen.Select((d, i) => new Requirement(d, months[i], months[i] >= 6 ? 3 : 2)).ToList());
        }
        double[] weights = [0.40, 0.12, 0.10, 0.10, 0.08, 0.08, 0.06, 0.06];
        var start = MonthIndex.Of(new DateOnly(2024, 9, 1));
        var trainees = new List<TraineeDemand>();
        var reduced = 0;
        for (var t = 0; t < s.Trainees; t++)
        {
            var id = new Guid(t + 1, 0, 0, new byte[8]);
            if (t % 20 == 19)
            {
                var items = departments.OrderBy(_ => random.Next()).Take(random.Next(2, 4)).ToList();
                var split = items.Count == 2 ? new[] { 18, 6 } : [12, 6, 6];
                trainees.Add(new TraineeDemand(id, start, 24, items.Select((d, i) => new Requirement(d, split[i])).ToList()));
                reduced++;
                continue;
            }
            var pick = random.NextDouble();
            var index = 0;
            for (var acc = weights[0]; pick > acc && index < weights.Length - 1; acc += weights[++index]) { }
            trainees.Add(new TraineeDemand(id, start, s.Months, templates[index]));
        }
        var demand = departments.ToDictionary(d => d, d => trainees.Sum(t => t.Requirements.Where(r => r.Department == d).Sum(r => r.Months)));
        var capacities = departments.Select(d => new DepartmentCapacity(d, (int)Math.Ceiling(demand[d] / (double)s.Months * (1 + s.Slack)))).ToList();
        return new Instance(new SchedulingProblem(capacities, trainees, []), templates.Count, reduced, demand.Values.Sum(),
            capacities.Sum(c => c.PerMonth) * s.Months);
    }
}

internal static class Report
{
    public static string Section(Settings s, Instance instance, List<(double Seconds, ScheduleResult Result, int Violations)> runs,
        DepartmentCapacity cut, ScheduleResult infeasible, double infeasibleSeconds)
    {
        var times = runs.Select(r => r.Seconds).OrderBy(x => x).ToList();
        var median = times[times.Count / 2];
        var b = new StringBuilder();
        b.AppendLine("## Rotation scheduler");
        b.AppendLine();
        b.AppendLine(CultureInfo.InvariantCulture, $"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores with " +
                          $"`dotnet run -c Release --project benchmarks/Recruitment.Benchmarks.Rotation` (seed {s.Seed}).");
        b.AppendLine($"One generated base: {instance.Problem.Trainees.Count} trainees ({instance.Reduced} reduced-year with 24 months of make-up items), " +
                          $"{s.Months} months, {instance.Problem.Departments.Count} departments, {instance.Templates} specialty templates " +
                          $"(9-12 departments of 2-9 months, minimum blocks 2-3); each department's capacity is its average monthly " +
                          $"demand + {s.Slack:P0}, rounded up ({instance.TotalDemandMonths} trainee-months of demand, " +
                          $"{instance.TotalCapacityMonths} of capacity). Every plan is verified by `PlanChecker` (coverage, " +
                          "contiguity, required months, minimum blocks, capacity per department and month), not by the solver.");
        b.AppendLine();
        b.AppendLine("| run | outcome | wall time (s) | checker violations |");
        b.AppendLine("| ---: | --- | ---: | ---: |");
        for (var i = 0; i < runs.Count; i++)
            b.AppendLine(CultureInfo.InvariantCulture, $"| {i + 1} | {runs[i].Result.Outcome} ({runs[i].Result.SolverStatus}) | {runs[i].Seconds:0.00} | {(runs[i].Violations < 0 ? "n/a" : runs[i].Violations)} |");
        b.AppendLine();
        b.AppendLine($"Median {median:0.00} s, min {times[0]:0.00} s, max {times[^1]:0.00} s (target: under 10 s with no violation). " +
                          $"Infeasible case: the same base with {cut.Department}'s capacity cut from {cut.PerMonth} to {cut.PerMonth * 7 / 10}: " +
                          $"{infeasible.Outcome} in {infeasibleSeconds:0.00} s, reporting {infeasible.Shortfalls.Count} department-months over capacity" +
                          (infeasible.Shortfalls.Count > 0
                              ? $" (e.g. {string.Join(", ", infeasible.Shortfalls.Take(3).Select(x => $"{x.Department} {x.MonthLabel}: {x.Demand} for {x.Capacity}"))})."
                              : "."));
        b.AppendLine();
        var stages = runs.GroupBy(r => r.Result.SolverStatus).Select(g => $"{g.Count()} by {g.Key}");
        b.AppendLine($"Stages that produced the plans: {string.Join(", ", stages)} (LOCAL_SEARCH: the local search over block orders reached zero " +
                     "excess, so CP-SAT was not needed; CP_SAT_*: the full CP-SAT model repaired the search's best plan). The infeasible case is " +
                     $"answered by {infeasible.SolverStatus} (CAPACITY_BOUND: an exact lower bound, no search). Load average at the start: " +
                     $"{LoadAverage()} (the machine is shared; other builds were running).");
        return b.ToString().TrimEnd();
    }

    private static string LoadAverage()
    {
        try
        {
            return string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }

    public static void Replace(string path, string section)
    {
        const string begin = "<!-- bench:rotation:begin -->", end = "<!-- bench:rotation:end -->";
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        var block = $"{begin}\n{section}\n{end}";
        var i = text.IndexOf(begin, StringComparison.Ordinal);
        var j = text.IndexOf(end, StringComparison.Ordinal);
        text = i >= 0 && j > i ? text[..i] + block + text[(j + end.Length)..] : text.TrimEnd() + "\n\n" + block + "\n";
        File.WriteAllText(path, text);
    }
}
