using Microsoft.Extensions.DependencyInjection;

namespace Recruitment.BuildingBlocks;

/// <summary>
/// An expected "no" from a business rule or a precondition (window closed, wrong status, ineligible), returned as
/// a value instead of thrown: it is not a failure, so Wolverine never logs it as one and it costs no exception.
/// Clients see it exactly as a <see cref="DomainException"/>: problem details with <see cref="Code"/>, the status
/// and the detail (docs/adr/0001-one-command-path.md).
/// </summary>
public sealed record Refusal(string Code, string Detail, int Status = StatusCodes.Status422UnprocessableEntity,
    IReadOnlyDictionary<string, object?>? Extensions = null)
{
    public static Refusal NotFound(string code, string detail) => new(code, detail, StatusCodes.Status404NotFound);
    public static Refusal Conflict(string code, string detail) => new(code, detail, StatusCodes.Status409Conflict);
    public static Refusal Forbidden(string code, string detail) => new(code, detail, StatusCodes.Status403Forbidden);
    public static Refusal Invalid(string code, string detail) => new(code, detail, StatusCodes.Status400BadRequest);

    /// <summary>For the few places that cannot return a value (a value converter, a start-up load).</summary>
    public DomainException ToException() => new(Code, Detail, Status, Extensions);

    /// <summary>The refusal as an HTTP answer, written through <see cref="IProblemDetailsService"/> like every other problem.</summary>
    public IResult ToResult() => new RefusalResult(this);
}

/// <summary>
/// Writes a refusal as problem details through the host's <see cref="IProblemDetailsService"/>, so the same
/// customisation (stable code, trace id, localised title and detail) reaches returned and thrown problems alike.
/// </summary>
public sealed class RefusalResult(Refusal refusal) : IResult, IStatusCodeHttpResult
{
    public int? StatusCode => refusal.Status;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = refusal.Status;
        var extensions = new Dictionary<string, object?> { ["code"] = refusal.Code };
        foreach (var (key, value) in refusal.Extensions ?? new Dictionary<string, object?>()) extensions[key] = value;
        var context = new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = { Status = refusal.Status, Detail = refusal.Detail, Title = ProblemTitles.For(refusal.Status), Extensions = extensions },
        };
        var problems = httpContext.RequestServices.GetService<IProblemDetailsService>();
        if (problems is null || !await problems.TryWriteAsync(context))
            await Results.Problem(context.ProblemDetails).ExecuteAsync(httpContext);
    }
}

/// <summary>The titles every problem of this API carries, by status.</summary>
public static class ProblemTitles
{
    public static string For(int status) => status switch
    {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        409 => "Conflict",
        413 => "Payload Too Large",
        415 => "Unsupported Media Type",
        422 => "Unprocessable Content",
        429 => "Too Many Requests",
        503 => "Service Unavailable",
        _ => "Error",
    };
}
