using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Recruitment.Enrollment.Features.Applications;
using Recruitment.Host.Hosting;

// What the input policy adds to one submission (PUT /api/enrollment/me/application, the body of
// benchmarks/submissions.lua): RequestGuard's checks of path, query and body (it buffers the JSON body and walks it once),
// and JsonInputPolicy's checks of every bound string after System.Text.Json has read the request. Both are timed here in
// process, alternating with the same work without them, because on the whole-host benchmark (about 1,000 requests per
// second on 2 cores) a difference of a few microseconds is far below the round-to-round spread.
// Usage: dotnet Recruitment.Benchmarks.InputPolicy.dll [--rounds N] [--iterations N]
var rounds = Option("--rounds", 7);
var iterations = Option("--iterations", 200_000);
var body = Encoding.UTF8.GetBytes(
    """{"year":2024,"baseCode":"B03","specialtyCode":"GP","category":"INDEPENDENT","declaresNoEmployment":true,"acceptsReallocation":true,"requestsExemption":false,"declaration":true}""");

var plain = new JsonSerializerOptions(JsonSerializerDefaults.Web);
plain.Converters.Add(new JsonStringEnumConverter());
var policed = new JsonSerializerOptions(JsonSerializerDefaults.Web);
policed.Converters.Add(new JsonStringEnumConverter());
JsonInputPolicy.Apply(policed);
var guard = new RequestGuard(_ => Task.CompletedTask, null!);
var endpoint = new Endpoint(_ => Task.CompletedTask, EndpointMetadataCollection.Empty, "PUT /api/enrollment/me/application");

double Deserialize(JsonSerializerOptions options)
{
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < iterations; i++)
        if (JsonSerializer.Deserialize<ApplicationRequest>(body, options) is null) throw new InvalidOperationException("no request read");
    return watch.Elapsed.TotalNanoseconds / iterations;
}

// The request as Kestrel hands it on; built in both the guard's loop and the baseline's, so the difference is the guard.
double Guard(bool run)
{
    var watch = Stopwatch.StartNew();
    for (var i = 0; i < iterations; i++)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "PUT";
        context.Request.Path = "/api/enrollment/me/application";
        context.Request.ContentType = "application/json; charset=utf-8";
        context.Request.ContentLength = body.Length;
        context.Request.Body = new MemoryStream(body, writable: false);
        context.SetEndpoint(endpoint);
        if (run) guard.InvokeAsync(context).GetAwaiter().GetResult();
        if (context.Response.StatusCode != 200) throw new InvalidOperationException($"the guard refused the body: {context.Response.StatusCode}");
    }
    return watch.Elapsed.TotalNanoseconds / iterations;
}

// Warm-up (tiering and PGO), then rounds in which the variants alternate; medians over the rounds.
Deserialize(plain);
Deserialize(policed);
Guard(run: true);
Guard(run: false);
var samples = Enumerable.Range(0, rounds)
    .Select(_ => (Plain: Deserialize(plain), Policed: Deserialize(policed), Guard: Guard(run: true) - Guard(run: false))).ToList();
var without = Median(samples.Select(s => s.Plain));
var with = Median(samples.Select(s => s.Policed));
var guarded = Median(samples.Select(s => s.Guard));

Console.WriteLine($"Measured {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC on {Environment.ProcessorCount} cores, Release, in one process: {rounds} rounds of " +
                  $"{iterations:N0} iterations per variant, the variants alternating within each round; medians over the rounds.");
Console.WriteLine();
Console.WriteLine("| per submission request | ns |");
Console.WriteLine("| --- | ---: |");
Console.WriteLine($"| reading the body into `ApplicationRequest` without the policy | {without:F0} |");
Console.WriteLine($"| the same with `JsonInputPolicy` (every bound string checked) | {with:F0} |");
Console.WriteLine($"| `RequestGuard` (path, query, body buffered and walked once) | {guarded:F0} |");
Console.WriteLine($"| **added by the input policy** | **{with - without + guarded:F0}** |");
Console.WriteLine();
Console.WriteLine("Rounds (ns): " + string.Join("; ", samples.Select(s =>
    string.Create(CultureInfo.InvariantCulture, $"{s.Plain:F0} / {s.Policed:F0} / {s.Guard:F0}"))) + " (plain / with policy / guard).");
return;

static double Median(IEnumerable<double> values)
{
    var sorted = values.Order().ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

int Option(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var value) && value > 0 ? value : fallback;
}
