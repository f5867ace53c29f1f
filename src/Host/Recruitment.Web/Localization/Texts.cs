using System.Globalization;

namespace Recruitment.Web.Localization;

/// <summary>
/// The UI language (Chinese first, English on request) and every text of the client in both. A plain
/// table instead of satellite resource assemblies: one file, nothing extra to download per language.
/// The language also travels as Accept-Language, so the server's refusals come back in it.
/// </summary>
public sealed partial class Texts
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public string Language { get; private set; } = Chinese;
    public bool IsChinese => Language == Chinese;
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language);

    public event Action? Changed;

    public void Use(string? language)
    {
        var chosen = language is not null && language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
        var changed = chosen != Language;
        Language = chosen;
        // Set even when unchanged: the browser's own culture (English on many machines) must not decide MudBlazor's texts.
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.DefaultThreadCurrentUICulture = Culture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Culture;
        if (changed) Changed?.Invoke();
    }

    /// <summary>The text for <paramref name="key"/>; the key itself when missing, so a gap is visible rather than blank.</summary>
    public string this[string key] => Table.TryGetValue(key, out var t) ? (IsChinese ? t.Zh : t.En) : key;

    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "read through the injected Texts, like its indexer")]
    public bool Has(string key) => Table.ContainsKey(key);

    /// <summary>A date as the user reads it, in China Standard Time (every date of the rules is a China date).</summary>
    public string Date(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).ToString(IsChinese ? "yyyy年M月d日 HH:mm" : "yyyy-MM-dd HH:mm", Culture);

    public string Day(DateOnly day) => day.ToString(IsChinese ? "yyyy年M月d日" : "yyyy-MM-dd", Culture);

    /// <summary>Translations of enum-like codes (statuses, levels); the code itself when unknown.</summary>
    public string Code(string prefix, string? code) => code is null ? "" : Table.TryGetValue($"{prefix}.{code}", out var t) ? (IsChinese ? t.Zh : t.En) : code;
}
