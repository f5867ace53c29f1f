using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

// Usage: Recruitment.Benchmarks.Web BASE_URL [--runs N]
// Prints a markdown section (docs/benchmarks.md) on stdout, progress on stderr.
// Bytes are what Chromium received on the wire (CDP Network.loadingFinished encodedDataLength: compressed bodies plus
// headers) until the sign-in form is usable; time runs from the navigation until then. Cold: a new browser context
// (empty cache); warm: a second visit in the same context. Throttled: CDP network emulation, 9 Mbit/s both ways and
// 85 ms added to every round trip.
var baseUrl = args.Length > 0 ? args[0].TrimEnd('/') : throw new ArgumentException("BASE_URL is required");
var runs = args.Length > 2 && args[1] == "--runs" ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;

using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new()
{
    ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
    Args = ["--no-sandbox"],
    Headless = true,
});

var results = new List<(string Profile, string Cache, Visit Visit)>();
var largest = new Dictionary<string, long>();
foreach (var throttled in new[] { false, true })
{
    var profile = throttled ? "throttled (9 Mbit/s, 85 ms RTT)" : "loopback";
    for (var run = 1; run <= runs; run++)
    {
        await using var context = await browser.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 360, Height = 740 }, IsMobile = true, HasTouch = true, Locale = "zh-CN",
        });
        var cold = await VisitAsync(context, throttled, run == 1 && throttled ? largest : null);
        var warm = await VisitAsync(context, throttled, null);
        results.Add((profile, "cold", cold));
        results.Add((profile, "warm", warm));
        Console.Error.WriteLine($"web: {profile} run {run}/{runs}: cold {cold.Bytes} B in {cold.Milliseconds} ms ({cold.Requests} requests), " +
                                $"warm {warm.Bytes} B in {warm.Milliseconds} ms");
    }
}

Console.WriteLine("## First visit of the applicant portal");
Console.WriteLine();
Console.WriteLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores with headless Debian Chromium driven by " +
                  "Playwright, against the published (trimmed) host over loopback HTTP. Usable: the sign-in page's login field is on " +
                  "the page, which in this client means Blazor has started and rendered it. Bytes: what Chromium received " +
                  "(compressed bodies and headers, CDP `encodedDataLength`) until then. Cold: a fresh browser context; warm: the " +
                  $"same context visiting again. Throttled: CDP network emulation, 9 Mbit/s and 85 ms round trip. Median of {runs} runs.");
Console.WriteLine();
Console.WriteLine("| network | cache | bytes until usable | requests | time until usable (ms) |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: |");
foreach (var group in results.GroupBy(r => (r.Profile, r.Cache)))
{
    var visits = group.Select(g => g.Visit).ToList();
    Console.WriteLine($"| {group.Key.Profile} | {group.Key.Cache} | {Median(visits.Select(v => v.Bytes)):N0} | " +
                      $"{Median(visits.Select(v => (long)v.Requests))} | {Median(visits.Select(v => v.Milliseconds)):N0} |");
}
Console.WriteLine();
Console.WriteLine("Largest transfers of a cold visit (bytes on the wire):");
Console.WriteLine();
foreach (var (name, bytes) in largest.OrderByDescending(l => l.Value).Take(8))
    Console.WriteLine($"- `{name}`: {bytes:N0}");
return;

static long Median(IEnumerable<long> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

async Task<Visit> VisitAsync(IBrowserContext context, bool throttled, Dictionary<string, long>? largestFiles)
{
    var page = await context.NewPageAsync();
    var cdp = await context.NewCDPSessionAsync(page);
    await cdp.SendAsync("Network.enable");
    if (throttled)
        await cdp.SendAsync("Network.emulateNetworkConditions", new()
        {
            ["offline"] = false, ["latency"] = 85, ["downloadThroughput"] = 9_000_000 / 8, ["uploadThroughput"] = 9_000_000 / 8,
        });
    var urls = new Dictionary<string, string>();
    long bytes = 0;
    var requests = 0;
    cdp.Event("Network.requestWillBeSent").OnEvent += (_, e) =>
    {
        if (e is not { } m) return;
        lock (urls) urls[m.GetProperty("requestId").GetString()!] = m.GetProperty("request").GetProperty("url").GetString()!;
    };
    cdp.Event("Network.loadingFinished").OnEvent += (_, e) =>
    {
        if (e is not { } m) return;
        var size = (long)m.GetProperty("encodedDataLength").GetDouble();
        Interlocked.Add(ref bytes, size);
        Interlocked.Increment(ref requests);
        if (largestFiles is null) return;
        lock (urls)
            if (urls.TryGetValue(m.GetProperty("requestId").GetString()!, out var url))
                lock (largestFiles) largestFiles[new Uri(url).AbsolutePath] = size;
    };
    var clock = Stopwatch.StartNew();
    await page.GotoAsync(baseUrl + "/signin", new() { WaitUntil = WaitUntilState.Commit, Timeout = 180_000 });
    await page.Locator("#login").WaitForAsync(new() { Timeout = 180_000 });
    clock.Stop();
    var visit = new Visit(Interlocked.Read(ref bytes), Volatile.Read(ref requests), clock.ElapsedMilliseconds);
    await page.CloseAsync();
    return visit;
}

internal sealed record Visit(long Bytes, int Requests, long Milliseconds);
