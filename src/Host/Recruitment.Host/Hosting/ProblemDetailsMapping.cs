using System.Xml;
using JasperFx.Events;
using Microsoft.AspNetCore.Diagnostics;

namespace Recruitment.Host.Hosting;

/// <summary>
/// Turns every failure into RFC 9457 problem details with a stable <c>code</c>. Bad input never
/// becomes a 500, and no response ever carries a stack trace or a database message.
/// </summary>
internal sealed partial class ProblemDetailsMapping(IProblemDetailsService problems, ILogger<ProblemDetailsMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var cause = Unwrap(exception);
        var (status, code, detail, field) = OptimisticRetry.IsConflict(exception) ? Conflict(exception) : Classify(cause);
        if (code == "database.unavailable")
            logger.DatabaseUnavailable(context.Request.Method, context.Request.Path, cause.Message);
        else if (status >= 500)
            logger.UnhandledFailure(exception, context.Request.Method, context.Request.Path);

        context.Response.StatusCode = status;
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null) extensions["field"] = field;
        if (cause is DomainException domain)
            foreach (var (key, value) in domain.Extensions) extensions[key] = value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Detail = detail, Extensions = extensions, Title = ProblemTitles.For(status) },
        });
    }

    // The meaningful exception may sit under framework wrappers (Marten, Wolverine, aggregates).
    private static Exception Unwrap(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is DomainException or BadHttpRequestException or NpgsqlException or TimeoutException or XmlException)
                return current;
            if (current is AggregateException { InnerExceptions.Count: 1 } aggregate) return Unwrap(aggregate.InnerExceptions[0]);
        }
        return e;
    }

    private static (int Status, string Code, string Detail, string? Field) Classify(Exception e) => e switch
    {
        DomainException d => (d.Status, d.Code, d.Message, null),
        BadHttpRequestException { InnerException: JsonException json } => Describe(json),
        BadHttpRequestException b => (b.StatusCode, b.StatusCode switch
        {
            413 => "request.too_large",
            415 => "request.unsupported_media_type",
            _ => "request.invalid_value",
        }, DescribeBinding(b), ParameterName(b.Message)),
        // A spreadsheet whose XML the reader refuses (a DOCTYPE, say) is a bad upload, not a fault of ours.
        XmlException => (400, "request.invalid_file", "The uploaded file could not be read.", null),
        NpgsqlException or TimeoutException when IsConnectionFailure(e) =>
            (503, "database.unavailable", "The database is unavailable; nothing was changed. Try again later.", null),
        _ => (500, "server.error", "An unexpected error occurred.", null),
    };

    /// <summary>
    /// Another writer came first (<see cref="OptimisticRetry.IsConflict"/>, the one definition the log policy shares):
    /// a version check lost is a concurrent update; a key or stream id taken in between is a duplicate.
    /// </summary>
    private static (int, string, string, string?) Conflict(Exception e)
    {
        for (var current = e; current is not null; current = current.InnerException)
        {
            if (current is ConcurrencyException or EventStreamUnexpectedMaxEventIdException)
                return (409, "conflict.concurrent_update", "Someone else changed this record at the same time; reload and try again.", null);
            if (current is AggregateException { InnerExceptions.Count: 1 } aggregate) return Conflict(aggregate.InnerExceptions[0]);
        }
        return (409, "conflict.duplicate", "A record with the same key already exists.", null);
    }

    /// <summary>
    /// A JSON body the serializer refused, named by its JSON path. The serializer's own text names C# types
    /// ("could not be converted to Recruitment...."), so it is never echoed.
    /// </summary>
    private static (int, string, string, string?) Describe(JsonException json)
    {
        if (json is JsonInputException input)
        {
            var field = (json.Path ?? "$") + input.RelativePath;
            return (400, "request.invalid_text", $"{field} {input.Reason}.", field);
        }
        if (json.Path is null)
            return (400, "request.malformed", $"The body is not valid JSON (line {json.LineNumber + 1}, byte {json.BytePositionInLine + 1}).", null);
        var path = json.Path ?? "$";
        return (400, "request.invalid_value", path == "$" ? "The body is not the expected JSON value." : $"{path} is missing or not a valid value.", path);
    }

    // "Failed to bind parameter "Guid id" from "x"." names a C# type; only the parameter's name is kept.
    private static string DescribeBinding(BadHttpRequestException b) => b.StatusCode switch
    {
        413 => "The request body is too large.",
        415 => "The request's content type is not supported here.",
        _ => ParameterName(b.Message) is { } name ? $"The value of '{name}' is missing or not valid." : "The request is not valid.",
    };

    private static string? ParameterName(string message)
    {
        var match = BoundParameter().Match(message);
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>
    /// The safety net under every problem: a detail that quotes a serializer or framework message (a route that
    /// echoes an exception's text) keeps its meaning but loses the C# type names and positions.
    /// </summary>
    public static string WithoutInternals(string detail)
    {
        detail = SerializerMessage().Replace(detail, "$1 is not a valid value.");
        return TypeName().Replace(detail, "a value");
    }

    [GeneratedRegex(@"The JSON value could not be converted to \S+?\.? Path: (\S+) \| LineNumber: \d+ \| BytePositionInLine: \d+\.")]
    private static partial Regex SerializerMessage();

    [GeneratedRegex(@"\b(?:System|Microsoft|Recruitment|Marten|Wolverine|JasperFx|Npgsql|Weasel)(?:\.[A-Za-z_][\w`\[\],]*)+")]
    private static partial Regex TypeName();

    [GeneratedRegex("parameter \"[^\" ]+ (\\w+)\"")]
    private static partial Regex BoundParameter();

    private static bool IsConnectionFailure(Exception e) =>
        e is TimeoutException || e is NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }
        || e is NpgsqlException n && n.IsTransient
        // connection exceptions (08...), database gone (3D000), shut down or starting (57P..), too many connections
        || e is PostgresException p && (p.SqlState.StartsWith("08", StringComparison.Ordinal) || p.SqlState.StartsWith("57P", StringComparison.Ordinal)
                                        || p.SqlState is "3D000" or "53300");

    /// <summary>Problems written by the framework (status-code pages, auth) get a stable code too.</summary>
    public static void AddStableCode(ProblemDetailsContext context)
    {
        var extensions = context.ProblemDetails.Extensions;
        extensions["traceId"] = context.HttpContext.TraceIdentifier;
        if (context.ProblemDetails.Detail is { } detail) context.ProblemDetails.Detail = WithoutInternals(detail);
        if (extensions.ContainsKey("code")) return;
        extensions["code"] = context.ProblemDetails.Status switch
        {
            400 => "request.malformed",
            401 => "auth.unauthenticated",
            403 => "auth.forbidden",
            404 => "route.not_found",
            405 => "request.method_not_allowed",
            413 => "request.too_large",
            415 => "request.unsupported_media_type",
            429 => "request.rate_limited",
            503 => "service.unavailable",
            _ => "server.error",
        };
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class ProblemLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Database unavailable on {Method} {Path}: {Reason}")]
    public static partial void DatabaseUnavailable(this ILogger logger, string method, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure on {Method} {Path}")]
    public static partial void UnhandledFailure(this ILogger logger, Exception exception, string method, PathString path);
}
