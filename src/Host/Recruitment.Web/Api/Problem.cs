using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recruitment.Web.Api;

/// <summary>
/// A refusal as the server writes it (RFC 9457 problem details with the stable <c>code</c>); <c>detail</c>
/// is already in the language the client asked for with Accept-Language.
/// </summary>
public sealed record Problem
{
    public int Status { get; init; }
    public string? Code { get; init; }
    public string? Title { get; init; }
    public string? Detail { get; init; }

    /// <summary>The profile items still missing (application.profile_incomplete).</summary>
    public IReadOnlyList<string>? Missing { get; init; }

    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extensions { get; init; }

    /// <summary>What the user reads: the server's detail, else its title, else the status.</summary>
    public string Message => !string.IsNullOrWhiteSpace(Detail) ? Detail! : !string.IsNullOrWhiteSpace(Title) ? Title! : $"HTTP {Status}";

    public static Problem Network(string message) => new() { Status = 0, Code = "client.network", Detail = message };
}

/// <summary>Either the value the server answered or its refusal.</summary>
public sealed record ApiResult<T>(T? Value, Problem? Problem, int Status)
{
    public bool Ok => Problem is null;
}
