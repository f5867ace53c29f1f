using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Recruitment.IntegrationTests.Hardening;

/// <summary>
/// A bounded fuzz over every operation of the host's endpoint list: each gets hostile inputs (NUL and other control
/// characters, lone surrogates, over-long text, huge and negative numbers, wrong types, nulls in lists, deep nesting,
/// an oversized body, wrong media types and charsets, empty and malformed ids), anonymously and as the caller its
/// policy expects. No answer may be a 5xx or carry a stack trace or a C# name, and a refused request changes nothing.
/// Thousands of requests, each refused write followed by a look at the stored state: slow, so outside the fast lane
/// (after adding a route, run it with <c>build/test.sh --filter FullyQualifiedName~RouteFuzz</c>).
/// </summary>
[Collection(HardeningCollection.Name)]
[Trait("Category", "Slow")]
public sealed class RouteFuzzTests(HardeningApp app, ITestOutputHelper output)
{
    private static readonly string LongText = new('长', 5000);

    // Strings that would be typed into any text field; a JSON string literal each (escaped as a client would send it).
    private static readonly string[] HostileStrings = ["\"a\\u0000b\"", "\"\\ud800\"", "\"\\u001b[31m\"", $"\"{LongText}\"", "\"../../etc/passwd\"", "\"<script>\""];
    private static readonly string[] HostileValues = ["1e308", "-1", "99999999999999999999999", "\"abc\"", "true", "[null]", "{}", "null", "[]"];
    // No %00 in a path: the server itself refuses a NUL there (Kestrel: 400) before the host sees it.
    private static readonly string[] HostileRouteValues = ["%01", "%ED%A0%80", "99999999999999999999", "-1", "00000000-0000-0000-0000-000000000000", new string('a', 3000), "%2e%2e"];
    private static readonly string[] HostileQueryValues = ["%00", "%ED%A0%80", "%C0%AF", "99999999999999999999", "-1", "abc", new string('a', 3000)];

    private static readonly string[] LeakMarkers = ["   at ", "Exception", "Recruitment.", "System.", "Microsoft.", "Failed to read parameter", "Failed to bind parameter", "Npgsql"];

    [Fact]
    public async Task No_hostile_input_reaches_a_5xx_leaks_internals_or_changes_state()
    {
        var failures = new List<string>();
        var sent = 0;
        var state = await app.SettledStateAsync();
        foreach (var operation in app.Operations.Where(o => o.Method != "HEAD" && o.Method != "OPTIONS"))
        {
            var expected = HardeningApp.ExpectedCaller(operation);
            var callers = expected == Caller.Anonymous ? [Caller.Anonymous] : new[] { Caller.Anonymous, expected };
            foreach (var caller in callers)
            {
                var client = app.Client(caller);
                foreach (var request in Requests(operation, full: caller != Caller.Anonymous || expected == Caller.Anonymous))
                {
                    using var message = request();
                    var described = $"{caller} {message.Method} {message.RequestUri?.OriginalString[..Math.Min(160, message.RequestUri.OriginalString.Length)]} "
                                    + Describe(message.Content);
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.SendAsync(message);
                    }
                    catch (Exception e) when (e is HttpRequestException or InvalidOperationException)
                    {
                        failures.Add($"{described}: the request failed in the client ({e.GetType().Name}: {e.Message})");
                        continue;
                    }
                    sent++;
                    var status = (int)response.StatusCode;
                    var body = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
                    if (status >= 500) failures.Add($"{described}: {status} {Clip(body)}");
                    if (status >= 400 && LeakMarkers.FirstOrDefault(m => body.Contains(m, StringComparison.Ordinal)) is { } leak)
                        failures.Add($"{described}: the {status} body names internals ('{leak}'): {Clip(body)}");
                    if (message.Method == HttpMethod.Get) continue;
                    if (status is >= 200 and < 300)
                    {
                        state = await app.SettledStateAsync();
                        continue;
                    }
                    var after = await app.StateAsync();
                    if (after != state)
                    {
                        // Messages cascaded by an earlier accepted request may still be landing; only a lasting change counts.
                        var settled = await app.SettledStateAsync();
                        if (settled != state) failures.Add($"{described}: refused with {status} but the stored state changed");
                        state = settled;
                    }
                }
            }
        }
        output.WriteLine($"{sent} hostile requests over {app.Operations.Count} operations");
        failures.ShouldBeEmpty(string.Join("\n", failures.Distinct().Take(60)));
    }

    private static string Describe(HttpContent? content) =>
        content is null ? "" : $"[{content.Headers.ContentType}] {Clip(Encoding.UTF8.GetString(content.ReadAsByteArrayAsync().GetAwaiter().GetResult()), 120)}";

    private static string Clip(string text, int length = 300) => text.Length <= length ? text : text[..length] + "...";

    /// <summary>The hostile requests for one operation; <paramref name="full"/> false gives a short anonymous set.</summary>
    private IEnumerable<Func<HttpRequestMessage>> Requests(Operation operation, bool full)
    {
        var method = new HttpMethod(operation.Method);
        var baseline = operation.RouteParameters.ToDictionary(p => p.Name, p => SampleRouteValue(p.Name, p.Type));
        string Path(IReadOnlyDictionary<string, string> values, string query = "") =>
            operation.RouteParameters.Aggregate(operation.Route, (route, p) => route.Replace("{" + p.Name + "}", values[p.Name])) + query;
        var sample = operation.MayHaveBody ? SampleBody(operation.BodyType) : null;
        HttpRequestMessage Make(string path, HttpContent? content) => new(method, path) { Content = content };
        HttpContent? Json(string json) => operation.MayHaveBody ? HardeningApp.JsonContent(json) : null;

        // Hostile route values, one parameter at a time.
        foreach (var parameter in operation.RouteParameters)
            foreach (var value in full ? HostileRouteValues : HostileRouteValues.Take(2))
                yield return () => Make(Path(new Dictionary<string, string>(baseline) { [parameter.Name] = value }), sample is null ? null : Json(sample.ToJsonString()));

        // Hostile query values, for every query parameter the handler takes, and paging past any real page.
        var queries = operation.QueryParameters.SelectMany(q => (full ? HostileQueryValues : HostileQueryValues.Take(1)).Select(v => $"?{q.Name}={v}")).ToList();
        if (full && operation.QueryParameters.Any(q => q.Name == "page"))
            queries.AddRange(["?page=2147483647&pageSize=100", "?page=0", "?pageSize=100000", "?page=1&pageSize=-5"]);
        if (!full) queries.Add("?x=%00");
        foreach (var query in queries) yield return () => Make(Path(baseline, query), sample is null ? null : Json(sample.ToJsonString()));

        if (!operation.MayHaveBody) yield break;

        // Whole bodies that are not what the route reads.
        string[] raw = full
            ? ["", "null", "[]", "[null]", "{}", "{\"a\":", "123", "\"\\ud800\"", string.Concat(Enumerable.Repeat("[", 5000)), Deep(200), "{\"a\":\"\\u0000\"}"]
            : ["{\"a\":", "\"\\ud800\"", Deep(200), "[null]"];
        foreach (var body in raw) yield return () => Make(Path(baseline), HardeningApp.JsonContent(body));
        if (!full) yield break;

        // Wrong media types and charsets, and a body larger than any field allows.
        var text = sample?.ToJsonString() ?? "{}";
        yield return () => Make(Path(baseline), HardeningApp.JsonContent(text, "text/plain"));
        yield return () => Make(Path(baseline), HardeningApp.JsonContent(text, "application/xml"));
        yield return () => Make(Path(baseline), HardeningApp.JsonContent(text, "application/json; charset=x-unknown"));
        yield return () => Make(Path(baseline), HardeningApp.JsonContent(text, "application/json; charset=utf-16"));
        yield return () => Make(Path(baseline), HardeningApp.JsonContent("{\"a\":\"" + new string('x', 3 * 1024 * 1024) + "\"}"));
        yield return () => Make(Path(baseline), new ByteArrayContent([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]) { Headers = { { "Content-Type", "text/csv" } } });

        // The route's own body, one property at a time made hostile (top level and one level down).
        if (sample is not JsonObject shape) yield break;
        foreach (var (path, _) in Leaves(shape, "", depth: 0).Take(40))
        {
            foreach (var hostile in HostileStrings.Concat(HostileValues))
            {
                // A placeholder swapped for the raw text afterwards: a lone surrogate cannot live in a JsonNode.
                var mutated = (JsonObject)shape.DeepClone();
                Replace(mutated, path, "\"__hostile__\"");
                var json = mutated.ToJsonString().Replace("\"__hostile__\"", hostile, StringComparison.Ordinal);
                yield return () => Make(Path(baseline), HardeningApp.JsonContent(json));
            }
        }
    }

    private static string Deep(int depth) => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);

    private static IEnumerable<(string Path, JsonNode? Node)> Leaves(JsonObject node, string prefix, int depth)
    {
        foreach (var (name, value) in node)
        {
            var path = prefix == "" ? name : prefix + "." + name;
            yield return (path, value);
            if (depth < 1 && value is JsonObject child)
                foreach (var leaf in Leaves(child, path, depth + 1)) yield return leaf;
            if (depth < 1 && value is JsonArray { Count: > 0 } array && array[0] is JsonObject item)
                foreach (var leaf in Leaves(item, path + "[0]", depth + 1)) yield return leaf;
        }
    }

    private static void Replace(JsonObject root, string path, string json)
    {
        var parts = path.Split('.');
        JsonNode current = root;
        foreach (var part in parts[..^1])
            current = part.EndsWith("[0]", StringComparison.Ordinal) ? current[part[..^3]]![0]! : current[part]!;
        current[parts[^1]] = JsonNode.Parse(json);
    }

    private static string SampleRouteValue(string name, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(Guid)) return Guid.NewGuid().ToString();
        if (type == typeof(int) || type == typeof(long)) return name.Contains("year", StringComparison.OrdinalIgnoreCase) ? "2024" : "1";
        return name.ToLowerInvariant() switch
        {
            "basecode" => "B01",
            "specialtycode" => "GP",
            _ => "x",
        };
    }

    /// <summary>A well-formed body of the route's request type, written by the host's own serializer metadata.</summary>
    private JsonNode? SampleBody(Type? type)
    {
        if (type is null) return new JsonObject();
        var options = app.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return Sample(options, type, depth: 0) ?? new JsonObject();
    }

    private static JsonNode? Sample(JsonSerializerOptions options, Type type, int depth)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return "x";
        if (type == typeof(bool)) return true;
        if (type == typeof(Guid)) return Guid.NewGuid().ToString();
        if (type == typeof(DateOnly)) return "2024-07-01";
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return "2024-07-01T09:00:00+08:00";
        if (type == typeof(TimeSpan)) return "01:00:00";
        if (type.IsEnum) return Enum.GetNames(type).FirstOrDefault() ?? "x";
        if (type.IsPrimitive || type == typeof(decimal)) return 1;
        if (depth > 3 || type == typeof(object) || type == typeof(JsonElement)) return null;
        var info = options.GetTypeInfo(type);
        switch (info.Kind)
        {
            case JsonTypeInfoKind.Enumerable:
                var element = info.ElementType is null ? null : Sample(options, info.ElementType, depth + 1);
                return element is null ? new JsonArray() : new JsonArray(element);
            case JsonTypeInfoKind.Dictionary:
                var value = info.ElementType is null ? null : Sample(options, info.ElementType, depth + 1);
                return new JsonObject { ["x"] = value };
            case JsonTypeInfoKind.Object:
                var result = new JsonObject();
                foreach (var property in info.Properties) result[property.Name] = Sample(options, property.PropertyType, depth + 1);
                return result;
            default:
                return null;
        }
    }
}
