namespace Recruitment.Host.Hosting;

/// <summary>
/// Masks resident ID numbers, mobile and landline numbers, and passport or permit numbers in any text bound for a
/// log. Personal data reaches a log through a request path, a message record printed on failure or a database
/// error text ("Key (login)=(...) already exists"), written however a person or a system wrote it: with spaces or
/// hyphens between groups, next to letters, with the country code (+86 138..., 86138...). Only digits bound the
/// patterns, so "ID11010519491231002X" is masked as well.
/// </summary>
internal static partial class PersonalDataMasking
{
    // An 18-character resident ID (17 digits and a digit or X) or a 15-digit legacy one, a space or hyphen allowed
    // between any two characters.
    [GeneratedRegex(@"(?<!\d)\d(?:[ -]?\d){16}[ -]?[\dXx](?![\dXx])|(?<!\d)\d(?:[ -]?\d){14}(?!\d)")]
    private static partial Regex IdNumber();

    // A mainland mobile: optional country code (+86, 0086, 86), then 1[3-9]x xxxx xxxx with optional separators.
    [GeneratedRegex(@"(?<!\d)(?<prefix>(?:(?:\+|00)86[ -]?|86[ -]?)?1[3-9]\d[ -]?)(?<middle>\d{4})(?<suffix>[ -]?\d{4})(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)(0\d{2,3}-)\d{3,4}(\d{4})(?!\d)")]
    private static partial Regex Landline();

    // Passports and Hong Kong, Macao or Taiwan permits: one or two letters and 7 to 10 digits (E12345678, H1234567890).
    [GeneratedRegex(@"(?<![A-Za-z0-9])([A-Za-z]{1,2}\d)\d{4,7}(\d{2})(?!\d)")]
    private static partial Regex TravelDocument();

    public static string Mask(string text)
    {
        text = IdNumber().Replace(text, m => KeepEnds(m.Value, 3, 3));
        text = Mobile().Replace(text, m => m.Groups["prefix"].Value + "****" + m.Groups["suffix"].Value);
        text = Landline().Replace(text, "$1****$2");
        return TravelDocument().Replace(text, m => m.Groups[1].Value + new string('*', m.Length - m.Groups[1].Length - 2) + m.Groups[2].Value);
    }

    /// <summary>Keeps the first and last characters that are not separators; every other digit becomes a star.</summary>
    private static string KeepEnds(string value, int first, int last)
    {
        var chars = value.ToCharArray();
        var significant = chars.Count(c => c is not (' ' or '-'));
        var seen = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            if (chars[i] is ' ' or '-') continue;
            if (seen >= first && seen < significant - last) chars[i] = '*';
            seen++;
        }
        return new string(chars);
    }
}
