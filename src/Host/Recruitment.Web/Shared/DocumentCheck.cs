using System.Text.RegularExpressions;
using Recruitment.BuildingBlocks;

namespace Recruitment.Web.Shared;

/// <summary>
/// The registration checks the server runs (ENR-09, ENR-12), run in the browser first so a typo is
/// caught while typing. The resident ID check is the server's own code (linked from BuildingBlocks);
/// only its reasons are translated here.
/// </summary>
public static partial class DocumentCheck
{
    [GeneratedRegex(@"^[A-Z0-9]{5,20}$")]
    private static partial Regex OtherDocument();

    private static readonly Dictionary<string, string> ResidentIdReasons = new(StringComparer.Ordinal)
    {
        ["a resident ID number has 18 characters"] = "id.length",
        ["the first 17 characters of a resident ID number are digits"] = "id.digits",
        ["the region code of a resident ID number cannot start with 0"] = "id.region",
        ["the birth date inside the resident ID number is not a valid past date"] = "id.birth",
        ["the check character of the resident ID number is wrong"] = "id.check",
    };

    /// <summary>Null when the number passes; otherwise the reason in the UI language.</summary>
    public static string? DocumentProblem(Texts t, string documentType, string? number, DateTimeOffset now)
    {
        var normalised = (number ?? "").Trim().ToUpperInvariant();
        if (documentType != "PRC_ID") return OtherDocument().IsMatch(normalised) ? null : t["id.other"];
        var reason = ResidentId.Problem(normalised, now);
        return reason is null ? null : ResidentIdReasons.TryGetValue(reason, out var key) ? t[key] : reason;
    }

    public static string? MobileProblem(Texts t, string? mobile) => MobileNumber.IsValid(mobile?.Trim()) ? null : t["mobile.invalid"];

    /// <summary>The server's password rule (8-128 characters, a letter and a digit).</summary>
    public static string? PasswordProblem(Texts t, string? password) =>
        password is { Length: >= 8 and <= 128 } p && p.Any(char.IsLetter) && p.Any(char.IsDigit) ? null : t["password.weak"];
}
