using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using Recruitment.Enrollment.Domain;

// build/bench.sh allocation: the round allocation (ENR-53..ENR-56) as the pure functions Enrollment runs, on synthetic
// markets of 12 bases x 30 specialties. Prints the markdown section body to stdout, progress to stderr.
//   Recruitment.Benchmarks.Allocation [SIZE...] [--runs N] [--seed N]     default sizes 10000 100000, 15 runs, seed 20240816
var sizes = new List<int>();
var runs = 15;
var seed = 20240816;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        default: sizes.Add(int.Parse(args[i], CultureInfo.InvariantCulture)); break;
    }
}
if (sizes.Count == 0) sizes = [10_000, 100_000];
if (runs < 1 || sizes.Any(s => s < 1)) { Console.Error.WriteLine("usage: [SIZE...] [--runs N >= 1] [--seed N]"); return 2; }

var loadBefore = Report.LoadAverage();
// Warm-up: the tiered JIT promotes a method to its optimised, profile-guided code after 30 calls; Allocate and
// BlockingPairs are called once per run, so they are first called 60 times on a small market.
var small = Market.Generate(2_000, seed);
for (var w = 0; w < 60; w++) Pipeline.Run(small);
var results = new List<Measured>();
foreach (var size in sizes)
{
    var market = Market.Generate(size, seed);
    Console.Error.WriteLine($"allocation: {size:N0} applicants, {market.Vacancies.Values.Sum():N0} places in {market.Vacancies.Count(v => v.Value > 0)} open cells, "
                            + $"{market.Applicants.Average(a => a.Preferences.Count):0.00} cells listed per applicant");
    // Then a few uncounted runs of this size: the heap grows to it and the caches hold what they can.
    for (var w = 0; w < 3; w++) Pipeline.Run(market);
    var timings = new List<Timing>();
    Pipeline.Outcome? outcome = null;
    for (var r = 0; r < runs; r++)
    {
        // Each run starts from the same heap state: garbage of the previous run is not charged to this one.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var (timing, result) = Pipeline.Run(market);
        timings.Add(timing);
        outcome = result;
        Console.Error.WriteLine($"allocation: {size:N0} run {r + 1}/{runs}: allocate "
                                + $"{timing.Allocate.Wall.TotalMilliseconds:0.0} ms, blocking pairs {timing.Check.Wall.TotalMilliseconds:0.0} ms, "
                                + $"total {timing.Total.TotalMilliseconds:0.0} ms (CPU: allocate "
                                + $"{timing.Allocate.Cpu.TotalMilliseconds:0.0}, check {timing.Check.Cpu.TotalMilliseconds:0.0}, total {timing.Cpu.TotalMilliseconds:0.0} ms), {timing.AllocatedBytes / 1024 / 1024:N0} MB allocated");
    }
    var check = Verify.Against(market, outcome!);
    results.Add(new Measured(size, market, timings, outcome!, check));
}

Console.Write(Report.Markdown(results, runs, seed, loadBefore));
return results.All(r => r.Outcome.Blocking.Count == 0 && r.Check.Problem is null) ? 0 : 1;

/// <summary>Per phase the wall-clock time and the measuring thread's CPU time (less disturbed by other work on the machine).</summary>
internal sealed record Timing((TimeSpan Wall, TimeSpan Cpu) Allocate, (TimeSpan Wall, TimeSpan Cpu) Check, long AllocatedBytes)
{
    public TimeSpan Total => Allocate.Wall + Check.Wall;
    public TimeSpan Cpu => Allocate.Cpu + Check.Cpu;
}

internal sealed record Measured(int Size, Market Market, List<Timing> Timings, Pipeline.Outcome Outcome, Verify.Result Check);

/// <summary>
/// A synthetic round: passing applicants with exam scores computed as EXAM-12 does (raw scores out of 100, written
/// 60 + interview 40, two decimals, so exact ties on the total occur), each listing one to five distinct cells,
/// popular cells (bases and specialties with Zipf-like weights) listed far more often than their places warrant;
/// places summing to 60 % of the applicants, 15 % of the cells without places (as the quota table's nulls).
/// </summary>
internal sealed class Market
{
    public const int Year = 2024;
    public static readonly string[] Bases = Enumerable.Range(1, 12).Select(b => $"B{b:D2}").ToArray();
    public static readonly string[] Specialties = Enumerable.Range(1, 30).Select(s => $"S{s:D2}").ToArray();

    /// <summary>As Rounds.AllocateAsync builds them from the applications and their preferences, in no particular order.</summary>
    public required List<RoundApplicant> Applicants { get; init; }
    public required Dictionary<string, int> Vacancies { get; init; }

    public static Market Generate(int size, int seed)
    {
        var random = new Random(seed ^ size);
        var baseWeight = Bases.Select((_, i) => 1 / Math.Pow(i + 1, 0.8)).ToArray();
        var specialtyWeight = Specialties.Select((_, i) => 1 / Math.Pow(i + 1, 1.1)).ToArray();
        var cells = (from b in Enumerable.Range(0, Bases.Length)
                     from s in Enumerable.Range(0, Specialties.Length)
                     select (Id: CellLedger.IdFor(Year, Bases[b], Specialties[s], null), Base: b, Specialty: s, Weight: baseWeight[b] * specialtyWeight[s])).ToArray();

        // Places follow the square root of the demand: popular cells are oversubscribed, unpopular ones go begging.
        var closed = cells.Select(_ => random.NextDouble() < 0.15).ToArray();
        var share = cells.Select((c, i) => closed[i] ? 0 : Math.Sqrt(c.Weight)).ToArray();
        var places = (int)(size * 0.6);
        var exact = share.Select(s => s / share.Sum() * places).ToArray();
        var vacancies = exact.Select(e => (int)e).ToArray();
        foreach (var i in exact.Select((e, i) => (Remainder: e - (int)e, i)).OrderByDescending(x => x.Remainder).Take(places - vacancies.Sum()).Select(x => x.i))
            vacancies[i]++;

        var cumulative = new double[cells.Length];
        var total = 0.0;
        for (var i = 0; i < cells.Length; i++) cumulative[i] = total += cells[i].Weight;
        int Draw()
        {
            var j = Array.BinarySearch(cumulative, random.NextDouble() * total);
            return Math.Min(cells.Length - 1, j >= 0 ? j : ~j);
        }

        var applicants = new List<RoundApplicant>(size);
        for (var n = 0; n < size; n++)
        {
            var id = new Guid(random.Next(), (short)random.Next(), (short)random.Next(), (byte)random.Next(256), (byte)random.Next(256),
                (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256), (byte)random.Next(256));
            var count = random.Next(1, 6);
            var listed = new List<int>(count) { Draw() };
            for (var attempts = 0; listed.Count < count && attempts < 50; attempts++)
            {
                // Most second choices keep the specialty at another base; the rest are any popular cell.
                var candidate = random.NextDouble() < 0.6
                    ? BaseDraw(random, baseWeight) * Specialties.Length + cells[listed[0]].Specialty
                    : Draw();
                if (!listed.Contains(candidate)) listed.Add(candidate);
            }
            var theory = Raw(random, 68, 12);
            var skill = Raw(random, 74, 10);
            var interview = Raw(random, 78, 9);
            var written = theory / 100m * 60;
            var interviewPart = (interview + skill) / 200m * 40;
            applicants.Add(new RoundApplicant(id, Round(written + interviewPart), Round(interviewPart), Round(written), listed.Select(c => cells[c].Id).ToArray()));
        }
        return new Market
        {
            Applicants = applicants,
            Vacancies = cells.Select((c, i) => (c.Id, Places: vacancies[i])).ToDictionary(x => x.Id, x => x.Places),
        };
    }

    private static int BaseDraw(Random random, double[] weights)
    {
        var x = random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++) if ((x -= weights[i]) <= 0) return i;
        return weights.Length - 1;
    }

    /// <summary>A whole-point raw score out of 100, roughly normal.</summary>
    private static decimal Raw(Random random, double mean, double sd)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (decimal)Math.Clamp(Math.Round(mean + sd * normal), 0, 100);
    }

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>What the round's allocation runs in memory (Rounds.AllocateAsync between loading and storing), timed: allocate, then check.</summary>
internal static class Pipeline
{
    internal sealed record Outcome(IReadOnlyDictionary<Guid, string> Assignment, IReadOnlyList<BlockingPair> Blocking);

    public static (Timing, Outcome) Run(Market market)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu.Now();
        var clock = Stopwatch.StartNew();
        var assignment = DeferredAcceptance.Allocate(market.Applicants, market.Vacancies);
        var allocate = (clock.Elapsed, ThreadCpu.Now() - cpu);

        cpu = ThreadCpu.Now();
        clock.Restart();
        var blocking = DeferredAcceptance.BlockingPairs(market.Applicants, market.Vacancies, assignment);
        var check = (clock.Elapsed, ThreadCpu.Now() - cpu);
        return (new Timing(allocate, check, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore), new Outcome(assignment, blocking));
    }
}

/// <summary>CPU time of the calling thread (Linux clock_gettime(CLOCK_THREAD_CPUTIME_ID)), nanosecond resolution.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    public static TimeSpan Now() =>
        ClockGetTime(ClockThreadCpuTimeId, out var t) == 0 ? TimeSpan.FromTicks(t.Seconds * TimeSpan.TicksPerSecond + t.Nanoseconds / 100) : TimeSpan.Zero;
}

/// <summary>Checks of the last run's result that do not trust the code under test: capacities and serial dictatorship.</summary>
internal static class Verify
{
    internal sealed record Result(int Allocated, int Places, int Oversubscribed, int Undersubscribed, string? Problem);

    public static Result Against(Market market, Pipeline.Outcome outcome)
    {
        var held = outcome.Assignment.GroupBy(a => a.Value).ToDictionary(g => g.Key, g => g.Count());
        if (held.Any(h => h.Value > market.Vacancies.GetValueOrDefault(h.Key)))
            return new Result(outcome.Assignment.Count, 0, 0, 0, "a cell holds more applicants than it has places");

        // With one common priority the stable matching is score-ordered serial dictatorship (the unit tests' oracle).
        var left = new Dictionary<string, int>(market.Vacancies);
        var serial = new Dictionary<Guid, string>();
        foreach (var a in market.Applicants.OrderByDescending(a => a.Total).ThenByDescending(a => a.Interview).ThenByDescending(a => a.Written).ThenBy(a => a.Id))
        {
            var cell = a.Preferences.FirstOrDefault(p => left.GetValueOrDefault(p) > 0);
            if (cell is null) continue;
            left[cell]--;
            serial[a.Id] = cell;
        }
        var same = serial.Count == outcome.Assignment.Count && serial.All(s => outcome.Assignment.TryGetValue(s.Key, out var c) && c == s.Value);
        var demand = market.Applicants.SelectMany(a => a.Preferences).GroupBy(c => c).ToDictionary(g => g.Key, g => g.Count());
        return new Result(outcome.Assignment.Count, market.Vacancies.Values.Sum(),
            market.Vacancies.Count(v => v.Value > 0 && demand.GetValueOrDefault(v.Key) > v.Value),
            market.Vacancies.Count(v => v.Value > 0 && held.GetValueOrDefault(v.Key) < v.Value),
            same ? null : "the allocation differs from score-ordered serial dictatorship");
    }
}

internal static class Report
{
    public static string Markdown(List<Measured> results, int runs, int seed, string loadBefore)
    {
        static double Median(IEnumerable<double> values)
        {
            var v = values.Order().ToArray();
            return v.Length % 2 == 1 ? v[v.Length / 2] : (v[v.Length / 2 - 1] + v[v.Length / 2]) / 2;
        }
        static string Ms(double ms) => ms.ToString(ms < 10 ? "0.00" : "0.0", CultureInfo.InvariantCulture);
        var w = new StringWriter(CultureInfo.InvariantCulture);
        w.WriteLine("## Round allocation (pure functions)");
        w.WriteLine();
        w.WriteLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, .NET {Environment.Version}, Release, "
                    + $"{(GCSettings.IsServerGC ? "server" : "workstation")} GC, one thread. {runs} timed runs per size after 60 uncounted warm-up runs "
                    + "on 2,000 applicants (the JIT's optimised tier) and 3 of the size, "
                    + $"a full garbage collection before each; medians. Seed {seed}.");
        w.WriteLine();
        w.WriteLine("What was measured, in one process with no storage, on the `RoundApplicant` list as `Rounds.AllocateAsync` builds it "
                    + "(applications in no particular order, each with its ordered cells and its total, interview and written scores): **allocate**, "
                    + "`DeferredAcceptance.Allocate` (the ranking: every applicant ordered once by the common priority of ENR-46 - total, "
                    + "interview, written, then the application id; then applicant-proposing deferred acceptance with the proposals made in "
                    + "that order, each cell keeping its best proposers up to its places), and **check**, `DeferredAcceptance.BlockingPairs` "
                    + "(the independent stability check published with every round result, comparing each applicant with the weakest holder "
                    + "of every cell they prefer to their own); the total is the two. Markets: 12 bases x 30 specialties (360 cells); "
                    + "places are 60 % of the applicants, spread over the cells with the square root of their popularity and none in 15 % of the "
                    + "cells; each applicant lists 1 to 5 cells (most often the same specialty at other bases), drawn with Zipf-like popularity "
                    + "of bases and specialties; scores from whole-point raw scores as EXAM-12 computes them, so exact ties on the total occur. "
                    + "The check must find no blocking pair, and the result must equal score-ordered serial dictatorship (computed afterwards "
                    + "with LINQ, untimed).");
        w.WriteLine();
        w.WriteLine("| applicants | places (open cells) | allocated | allocate (ms) | check (ms) | **total (ms)** | min total (ms) | total CPU (ms) | allocated MB per run | blocking pairs | equals serial dictatorship |");
        w.WriteLine("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        foreach (var r in results)
        {
            string Of(Func<Timing, TimeSpan> of) => Ms(Median(r.Timings.Select(t => of(t).TotalMilliseconds)));
            w.WriteLine($"| {r.Size:N0} | {r.Check.Places:N0} ({r.Market.Vacancies.Count(v => v.Value > 0)}) | {r.Check.Allocated:N0} "
                        + $"| {Of(t => t.Allocate.Wall)} | {Of(t => t.Check.Wall)} | **{Of(t => t.Total)}** "
                        + $"| {Ms(r.Timings.Min(t => t.Total.TotalMilliseconds))} | {Of(t => t.Cpu)} | {Median(r.Timings.Select(t => t.AllocatedBytes / 1048576.0)):0.0} "
                        + $"| {r.Outcome.Blocking.Count} | {(r.Check.Problem is null ? "yes" : "**no**: " + r.Check.Problem)} |");
        }
        w.WriteLine();
        if (results.Count >= 2)
        {
            var small = results[0];
            var large = results[^1];
            string Ratio(Func<Timing, TimeSpan> of) =>
                (Median(large.Timings.Select(t => of(t).TotalMilliseconds)) / Median(small.Timings.Select(t => of(t).TotalMilliseconds))).ToString("0.00", CultureInfo.InvariantCulture);
            var target = small.Size == 10_000 && large.Size == 100_000 ? " (targets of issue 6: at most 12, and 100,000 under 1 s)" : "";
            w.WriteLine($"Ratio {large.Size:N0} / {small.Size:N0} for {large.Size / (double)small.Size:0}x the applicants{target}: "
                        + $"**{Ratio(t => t.Total)}** of the median totals; {(large.Timings.Min(t => t.Total.TotalMilliseconds) / small.Timings.Min(t => t.Total.TotalMilliseconds)).ToString("0.00", CultureInfo.InvariantCulture)} "
                        + $"of the minimum totals, {Ratio(t => t.Cpu)} of the median CPU times; per phase (median CPU) allocate {Ratio(t => t.Allocate.Cpu)}, "
                        + $"check {Ratio(t => t.Check.Cpu)}.");
            w.WriteLine();
        }
        foreach (var r in results)
            w.WriteLine($"Runs at {r.Size:N0} (total ms): {string.Join(" ", r.Timings.Select(t => Ms(t.Total.TotalMilliseconds)))}; "
                        + $"{r.Check.Oversubscribed} cells had more applicants listing them than places, {r.Check.Undersubscribed} open cells kept a vacancy.");
        w.WriteLine();
        w.WriteLine($"Load average (1, 5, 15 min) before: {loadBefore}; after: {LoadAverage()} ({Environment.ProcessorCount} cores; above that, other work competed for them). "
                    + "CPU is the measuring thread's (`CLOCK_THREAD_CPUTIME_ID`), so time spent waiting for a core is not in it.");
        // Prose wrapped at 120 columns like the rest of docs/benchmarks.md; table rows stay whole.
        return string.Concat(w.ToString().Split('\n').Select(line => (line.StartsWith('|') ? line : Wrap(line)) + "\n")).TrimEnd('\n') + "\n";
    }

    private static string Wrap(string line, int width = 120)
    {
        var wrapped = new System.Text.StringBuilder();
        var column = 0;
        foreach (var word in line.Split(' '))
        {
            if (column > 0 && column + 1 + word.Length > width)
            {
                wrapped.Append('\n');
                column = 0;
            }
            else if (column > 0)
            {
                wrapped.Append(' ');
                column++;
            }
            wrapped.Append(word);
            column += word.Length;
        }
        return wrapped.ToString();
    }

    public static string LoadAverage()
    {
        try { return string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }
}
