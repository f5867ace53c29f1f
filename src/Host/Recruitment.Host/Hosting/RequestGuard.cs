using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http.Features;

namespace Recruitment.Host.Hosting;

/// <summary>
/// The input policy at the edge, before any route runs, for what no typed binding sees: the path and every
/// query value; the charset of a body (415 unless UTF-8); every string and property name of a JSON body,
/// however the route reads it, and every byte of a text body (CSV), both held to <see cref="TextPolicy"/>; and
/// id path segments (a malformed or all-zero GUID names nothing, so 404 rather than a stream error).
/// </summary>
internal sealed class RequestGuard(RequestDelegate next, IProblemDetailsService problems)
{
    /// <summary>The largest JSON or text body any route reads (a score import batch).</summary>
    public const int MaxTextBodyBytes = 32 * 1024 * 1024;
    private const int MaxJsonDepth = 32;

    private static readonly ConcurrentDictionary<Endpoint, string[]> GuidRouteValues = new();

    // Display names of the endpoints routing selects when a route exists but not for this content type or method.
    private const string RejectsMediaType = "415 HTTP Unsupported Media Type";
    private const string RejectsMethod = "405 HTTP Method Not Supported";

    /// <summary>Paths that belong to the API and never fall back to the web client.</summary>
    public static bool IsApiPath(PathString path) =>
        path.StartsWithSegments("/api") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi");

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        var endpoint = context.GetEndpoint();
        // Answered here, before authorization, so that an anonymous caller learns 404/405/415 rather than 401 (routing's
        // own 405 and 415 answers carry no metadata, so the fallback authorization policy would otherwise apply).
        // The status-code pages turn the bare status into a problem with its stable code.
        if (endpoint is null && IsApiPath(request.Path))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (endpoint is not null && endpoint.DisplayName is RejectsMediaType or RejectsMethod && endpoint.RequestDelegate is { } reject)
        {
            await reject(context);
            return;
        }

        if (CheckText(request.Path.Value ?? "", TextPolicy.QueryMaxLength * 2) is { } pathProblem)
        {
            await Refuse(context, 400, "request.invalid_text", $"The path {pathProblem}.", null);
            return;
        }
        foreach (var (key, values) in request.Query)
        {
            if (CheckText(key, 100) is { } keyProblem)
            {
                await Refuse(context, 400, "request.invalid_text", $"A query parameter name {keyProblem}.", null);
                return;
            }
            foreach (var value in values)
                if (value is not null && CheckText(value, TextPolicy.QueryMaxLength) is { } problem)
                {
                    await Refuse(context, 400, "request.invalid_text", $"The query value '{key}' {problem}.", key);
                    return;
                }
        }

        if (endpoint is not null)
            foreach (var name in GuidRouteValues.GetOrAdd(endpoint, GuidParameters))
                if (request.RouteValues.TryGetValue(name, out var raw)
                    && (!Guid.TryParse(raw?.ToString(), out var id) || id == Guid.Empty))
                {
                    await Refuse(context, 404, "resource.not_found", $"No resource has the id given as '{name}'.", name);
                    return;
                }

        if (HasBody(request) && MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType))
        {
            var charset = contentType.CharSet?.Trim('"');
            if (!string.IsNullOrEmpty(charset) && !charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase)
                                                && !charset.Equals("utf8", StringComparison.OrdinalIgnoreCase))
            {
                await Refuse(context, 415, "request.unsupported_charset", "Send text as UTF-8 (charset=utf-8).", null);
                return;
            }
            var media = contentType.MediaType?.ToLowerInvariant() ?? "";
            var json = media == "application/json" || media.EndsWith("+json", StringComparison.Ordinal);
            if (json || media.StartsWith("text/", StringComparison.Ordinal))
            {
                var body = await ReadBodyAsync(context);
                if (body is null)
                {
                    await Refuse(context, 413, "request.too_large", $"A body is at most {MaxTextBodyBytes / 1024 / 1024} MB.", null);
                    return;
                }
                var problem = json ? CheckJson(body) : CheckTextBody(body);
                if (problem is { } p)
                {
                    await Refuse(context, 400, p.Code, p.Detail, p.Field);
                    return;
                }
                request.Body = new MemoryStream(body, writable: false);
            }
        }
        await next(context);
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || request.ContentLength is null && request.HttpContext.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true;

    private static string? CheckText(string value, int maxLength) => TextPolicy.Violation(value, maxLength, lineBreaks: false);

    /// <summary>Route values bound to a GUID parameter of the endpoint's handler.</summary>
    private static string[] GuidParameters(Endpoint endpoint)
    {
        if (endpoint is not RouteEndpoint route || endpoint.Metadata.GetMetadata<MethodInfo>() is not { } method) return [];
        var routeNames = route.RoutePattern.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return method.GetParameters()
            .Where(p => (p.ParameterType == typeof(Guid) || p.ParameterType == typeof(Guid?)) && p.Name is not null && routeNames.Contains(p.Name))
            .Select(p => route.RoutePattern.Parameters.First(r => string.Equals(r.Name, p.Name, StringComparison.OrdinalIgnoreCase)).Name)
            .ToArray();
    }

    /// <summary>
    /// The body, or null when it is over the cap. A declared length is read straight into an array of that size (the
    /// common case: a JSON request of a few hundred bytes); a chunked body goes through a pooled buffer.
    /// </summary>
    private static async Task<byte[]?> ReadBodyAsync(HttpContext context)
    {
        var declared = context.Request.ContentLength;
        if (declared > MaxTextBodyBytes) return null;
        var body = context.Request.Body;
        if (declared is { } length)
        {
            var exact = new byte[length];
            // A body shorter or longer than it declared is the server's to refuse; nothing past the declared length is read.
            var read = await body.ReadAtLeastAsync(exact, exact.Length, throwOnEndOfStream: false, context.RequestAborted);
            return read == exact.Length ? exact : exact[..read];
        }
        using var buffer = new MemoryStream();
        var chunk = System.Buffers.ArrayPool<byte>.Shared.Rent(81920);
        try
        {
            int read;
            while ((read = await body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                if (buffer.Length + read > MaxTextBodyBytes) return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    private sealed record Problem(string Code, string Detail, string? Field);

    /// <summary>Structure, depth, and every string and property name against the policy's outer bounds.</summary>
    private static Problem? CheckJson(byte[] body)
    {
        if (body.Length == 0) return null;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = MaxJsonDepth });
        var path = new List<object>(); // property names and array indices, innermost last
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        var name = ReadString(ref reader, out var nameProblem);
                        if (nameProblem is not null) return Invalid(PathOf(path), "a property name " + nameProblem);
                        if (path.Count > 0 && path[^1] is string) path[^1] = name!;
                        continue;
                    case JsonTokenType.StartObject:
                        AdvanceIndex(path);
                        path.Add("");
                        continue;
                    case JsonTokenType.StartArray:
                        AdvanceIndex(path);
                        path.Add(-1);
                        continue;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        continue;
                    case JsonTokenType.String:
                        AdvanceIndex(path);
                        ReadString(ref reader, out var problem);
                        if (problem is not null) return Invalid(PathOf(path), problem);
                        continue;
                    default:
                        AdvanceIndex(path);
                        continue;
                }
            }
        }
        catch (JsonException e)
        {
            return new Problem("request.malformed",
                $"The body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}{(reader.CurrentDepth >= MaxJsonDepth - 1 ? $", nested deeper than {MaxJsonDepth}" : "")}).",
                null);
        }
        return null;

        static Problem Invalid(string field, string problem) => new("request.invalid_text", $"{field} {problem}.", field);
    }

    private static string? ReadString(ref Utf8JsonReader reader, out string? problem)
    {
        try
        {
            var text = reader.GetString()!;
            problem = TextPolicy.Violation(text, TextPolicy.AbsoluteMaxLength, lineBreaks: true);
            return text;
        }
        catch (InvalidOperationException)
        {
            problem = "is not valid Unicode text";
            return null;
        }
    }

    private static void AdvanceIndex(List<object> path)
    {
        if (path.Count > 0 && path[^1] is int index) path[^1] = index + 1;
    }

    private static string PathOf(List<object> path)
    {
        var text = new StringBuilder("$");
        foreach (var part in path)
            if (part is int i) text.Append('[').Append(i).Append(']');
            else if (part is string { Length: > 0 } s) text.Append('.').Append(s);
        return text.ToString();
    }

    /// <summary>A text body (CSV) is UTF-8 without NUL or other control characters but tab and line breaks.</summary>
    private static Problem? CheckTextBody(byte[] body)
    {
        var bad = Array.FindIndex(body, TextPolicy.IsForbiddenByte);
        if (bad >= 0) return new Problem("request.invalid_text", $"The body contains a control character at byte {bad + 1}.", null);
        try
        {
            TextPolicy.StrictUtf8.GetCharCount(body);
        }
        catch (DecoderFallbackException)
        {
            return new Problem("request.invalid_text", "The body is not valid UTF-8 text.", null);
        }
        return null;
    }

    private async Task Refuse(HttpContext context, int status, string code, string detail, string? field)
    {
        context.Response.StatusCode = status;
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null) extensions["field"] = field;
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Detail = detail, Extensions = extensions, Title = ProblemTitles.For(status) },
        });
    }
}
