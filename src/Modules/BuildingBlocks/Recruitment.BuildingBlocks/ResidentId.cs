using System.Globalization;

namespace Recruitment.BuildingBlocks;

/// <summary>
/// The PRC resident identity number (GB 11643): 6-digit region code, 8-digit birth date, 3-digit
/// sequence, and an ISO 7064 MOD 11-2 check character (0-9 or X). ENR-09; the fellowship keys accounts by it too.
/// </summary>
public static class ResidentId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>Null when valid; otherwise why not. Birth dates are judged against today in China Standard Time.</summary>
    public static string? Problem(string number, DateTimeOffset now) =>
        Problem(number, ChinaTime.Date(now));

    public static bool IsValid(string number, DateOnly today) => Problem(number, today) is null;

    public static string? Problem(string number, DateOnly today)
    {
        if (number.Length != 18) return "a resident ID number has 18 characters";
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(number[i])) return "the first 17 characters of a resident ID number are digits";
        if (number[0] == '0') return "the region code of a resident ID number cannot start with 0";
        if (!DateOnly.TryParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth)
            || birth.Year < 1900 || birth > today)
            return "the birth date inside the resident ID number is not a valid past date";
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (number[i] - '0') * Weights[i];
        return char.ToUpperInvariant(number[17]) == CheckCharacters[sum % 11] ? null : "the check character of the resident ID number is wrong";
    }

    public static DateOnly BirthDate(string number) =>
        DateOnly.ParseExact(number.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);
}
