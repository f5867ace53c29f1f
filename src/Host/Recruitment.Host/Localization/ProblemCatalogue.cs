using System.Globalization;

namespace Recruitment.Host.Localization;

/// <summary>
/// The Chinese and English texts of every problem <c>code</c>, read from the embedded resource
/// <c>Localization/problems.json</c>. A code has one or more variants: an English text exactly as the
/// refusal writes it, with named placeholders (<c>{year}</c>) where it carries values, and its Chinese text
/// using the same placeholders. A placeholder takes its value from the problem extension of that name, or
/// else from the English detail, by matching it against the variant's English text.
/// </summary>
internal sealed partial class ProblemCatalogue
{
    public const string ResourceName = "Recruitment.Host.Localization.problems.json";

    private readonly Dictionary<string, ProblemText[]> _codes;
    private readonly ProblemText[] _anyCode;
    private readonly Dictionary<int, (string En, string Zh)> _titles;

    private ProblemCatalogue(Dictionary<string, ProblemText[]> codes, ProblemText[] anyCode, Dictionary<int, (string, string)> titles)
    {
        _codes = codes;
        _anyCode = anyCode;
        _titles = titles;
    }

    public static ProblemCatalogue Shared { get; } = Load();

    public IReadOnlyDictionary<string, ProblemText[]> Codes => _codes;
    public IReadOnlyList<ProblemText> AnyCode => _anyCode;
    public IReadOnlyDictionary<int, (string En, string Zh)> Titles => _titles;

    public static ProblemCatalogue Load()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        var file = JsonSerializer.Deserialize<CatalogueFile>(stream, JsonSerializerOptions.Web)
                   ?? throw new InvalidOperationException($"{ResourceName} is empty.");
        // Most literal text first, so that a catch-all such as "{message}" is tried last.
        static ProblemText[] Compile(IEnumerable<TextPair> pairs) =>
            pairs.Select((p, i) => new ProblemText(p.En, p.Zh, i)).OrderByDescending(t => t.LiteralLength).ToArray();
        return new ProblemCatalogue(
            file.Codes.ToDictionary(c => c.Key, c => Compile(c.Value), StringComparer.Ordinal),
            Compile(file.AnyCode),
            file.Titles.ToDictionary(t => int.Parse(t.Key, CultureInfo.InvariantCulture), t => (t.Value.En, t.Value.Zh)));
    }

    public string? ChineseTitle(int? status) => status is { } s && _titles.TryGetValue(s, out var t) ? t.Zh : null;

    /// <summary>
    /// The Chinese text of a problem: the variant whose English text matches the detail, filled with its
    /// values; when none matches, the code's first text without placeholders; null for an unknown code.
    /// </summary>
    public string? Chinese(string code, string? englishDetail, IDictionary<string, object?> extensions)
    {
        var variants = _codes.TryGetValue(code, out var own) ? own : [];
        if (englishDetail is not null)
        {
            foreach (var text in variants.Concat(_anyCode))
                if (text.TryFill(englishDetail, extensions) is { } filled) return filled;
        }
        // Otherwise the first text in the file's order, the code's main one, that needs no missing value.
        foreach (var text in variants.OrderBy(v => v.Order))
            if (text.TryFillFromExtensions(extensions) is { } filled) return filled;
        return null;
    }

    private sealed record CatalogueFile(
        Dictionary<string, TextPair> Titles,
        TextPair[] AnyCode,
        Dictionary<string, TextPair[]> Codes);

    private sealed record TextPair(string En, string Zh);

    [GeneratedRegex(@"\{([A-Za-z][A-Za-z0-9]*)\}")]
    internal static partial Regex Placeholder();
}

/// <summary>One English text with its Chinese translation; placeholders are <c>{name}</c>.</summary>
internal sealed class ProblemText
{
    private readonly Regex _english;

    public ProblemText(string en, string zh, int order)
    {
        Order = order;
        En = en;
        Zh = zh;
        var pattern = new System.Text.StringBuilder("^");
        var last = 0;
        foreach (Match m in ProblemCatalogue.Placeholder().Matches(en))
        {
            pattern.Append(Regex.Escape(en[last..m.Index]));
            var name = m.Groups[1].Value;
            // A name used twice in one text must match the same value twice.
            pattern.Append(EnglishNames.Contains(name) ? $@"\k<{name}>" : $"(?<{name}>.*?)");
            EnglishNames.Add(name);
            last = m.Index + m.Length;
        }
        pattern.Append(Regex.Escape(en[last..])).Append('$');
        _english = new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));
        LiteralLength = ProblemCatalogue.Placeholder().Replace(en, "").Length;
        ChineseNames = ProblemCatalogue.Placeholder().Matches(zh).Select(m => m.Groups[1].Value).ToHashSet();
    }

    public int Order { get; }
    public string En { get; }
    public string Zh { get; }
    public HashSet<string> EnglishNames { get; } = [];
    public HashSet<string> ChineseNames { get; }
    public int LiteralLength { get; }

    public bool MatchesEnglish(string detail) => _english.IsMatch(detail);

    public string? TryFill(string englishDetail, IDictionary<string, object?> extensions)
    {
        Match match;
        try { match = _english.Match(englishDetail); }
        catch (RegexMatchTimeoutException) { return null; }
        if (!match.Success) return null;
        return Fill(name => Value(extensions, name) ?? (match.Groups[name] is { Success: true } g ? g.Value : null));
    }

    public string? TryFillFromExtensions(IDictionary<string, object?> extensions) => Fill(name => Value(extensions, name));

    private string? Fill(Func<string, string?> value)
    {
        var missing = false;
        var text = ProblemCatalogue.Placeholder().Replace(Zh, m => value(m.Groups[1].Value) ?? Missing());
        return missing ? null : text;

        string Missing()
        {
            missing = true;
            return "";
        }
    }

    private static string? Value(IDictionary<string, object?> extensions, string name) =>
        extensions.TryGetValue(name, out var v) && v is not null and not System.Collections.IEnumerable or string
            ? Convert.ToString(v, CultureInfo.InvariantCulture)
            : null;
}
