using System.Globalization;
using System.Text.RegularExpressions;
using Recruitment.Web.Localization;

namespace Recruitment.Web.Shared;

/// <summary>
/// A timeline entry's detail in the UI language. The server writes it in a fixed shape per event (FellowshipViews.Detail:
/// "row 1 PHYSICIAN", "GUILIN 2024-07-01..2024-12-31, ...", "reported on 2024-07-01"); those shapes are put in words here
/// and anything else (a reason someone typed, a shape this client does not know) is shown as the server wrote it.
/// </summary>
public static partial class FellowshipTimelineDetails
{
    public static string Describe(Texts t, string @event, string detail) => @event switch
    {
        "application-submitted" or "application-edited" when RowPost().Match(detail) is { Success: true } m =>
            $"{t.F("fel.tl.row")} {m.Groups[1].Value} · {t.FCode("post", m.Groups[2].Value)}",
        "flag-acknowledged" when CodeReason().Match(detail) is { Success: true } m =>
            $"{t.FCode("flagshort", m.Groups[1].Value)}{Colon(t)}{m.Groups[2].Value}",
        "notice-issued" when Notice().Match(detail) is { Success: true } m =>
            $"{m.Groups[1].Value} · {t.F("fel.tl.report_on")} {Day(t, m.Groups[2].Value)}{(m.Groups[3].Success ? Paren(t, m.Groups[3].Value) : "")}",
        "fellow-reported" when Reported().Match(detail) is { Success: true } m => $"{t.F("fel.tl.reported_on")} {Day(t, m.Groups[1].Value)}",
        "training-started" when Range().Match(detail) is { Success: true } m => Span(t, m),
        "site-rotation-planned" when Rotation(t, detail) is { } rotation => rotation,
        "mentor-assigned" when Mentor().Match(detail) is { Success: true } m =>
            $"{m.Groups[1].Value}{Paren(t, $"{m.Groups[2].Value}{(t.IsChinese ? "，" : ", ")}{t.FCode("mt", m.Groups[3].Value)}")}{(m.Groups[4].Success ? Colon(t) + m.Groups[4].Value : "")}",
        "assessment-recorded" when Assessment().Match(detail) is { Success: true } m =>
            $"{t.FCode("kind", m.Groups[1].Value)} · {t.FCode("grade", m.Groups[2].Value)}",
        _ => detail,
    };

    private static string? Rotation(Texts t, string detail)
    {
        var reason = RotationReason().Match(detail);
        var blocks = (reason.Success ? reason.Groups[1].Value : detail).Split(", ");
        var parts = new List<string>();
        foreach (var block in blocks)
        {
            var m = SiteBlock().Match(block);
            if (!m.Success) return null;
            parts.Add($"{t.FCode("site", m.Groups[1].Value)} {Span(t, m, 2)}");
        }
        return string.Join(t.IsChinese ? "；" : "; ", parts) + (reason.Success ? Paren(t, reason.Groups[2].Value) : "");
    }

    private static string Colon(Texts t) => t.IsChinese ? "：" : ": ";

    private static string Paren(Texts t, string text) => t.IsChinese ? $"（{text}）" : $" ({text})";

    private static string Span(Texts t, Match m, int first = 1) =>
        $"{Day(t, m.Groups[first].Value)}–{Day(t, m.Groups[first + 1].Value)}";

    private static string Day(Texts t, string iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? t.Day(day) : iso;

    [GeneratedRegex(@"^row (\d+) ([A-Z_]+)$")]
    private static partial Regex RowPost();

    [GeneratedRegex(@"^([A-Z_]+): (.+)$", RegexOptions.Singleline)]
    private static partial Regex CodeReason();

    [GeneratedRegex(@"^(.+), report on (\d{4}-\d{2}-\d{2})(?: \((.+)\))?$", RegexOptions.Singleline)]
    private static partial Regex Notice();

    [GeneratedRegex(@"^reported on (\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Reported();

    [GeneratedRegex(@"^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")]
    private static partial Regex Range();

    [GeneratedRegex(@"^([A-Z0-9_]+) (\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$")]
    private static partial Regex SiteBlock();

    [GeneratedRegex(@"^(.+?) \((.+)\)$", RegexOptions.Singleline)]
    private static partial Regex RotationReason();

    [GeneratedRegex(@"^(.+) \(([^,()]+), ([A-Z_]+)\)(?:: (.+))?$", RegexOptions.Singleline)]
    private static partial Regex Mentor();

    [GeneratedRegex(@"^([A-Z_]+) ([A-Z_]+)(?: \(final\))?$")]
    private static partial Regex Assessment();
}
