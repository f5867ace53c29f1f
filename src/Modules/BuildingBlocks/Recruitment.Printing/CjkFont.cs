using SkiaSharp;

namespace Recruitment.Printing;

/// <summary>
/// The CJK typeface every document is set in: Noto Sans CJK SC from Debian's fonts-noto-cjk (SIL Open Font
/// Licence), or the file named by <c>RECRUITMENT_CJK_FONT</c>. Without it no document is drawn at all: a
/// PDF with empty boxes in place of the trainee's name would look printable and be worthless.
/// </summary>
public static class CjkFont
{
    public const string EnvironmentVariable = "RECRUITMENT_CJK_FONT";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc",
        "/usr/share/fonts/truetype/noto/NotoSansCJK-Regular.ttc",
    ];

    private static readonly Lazy<SKTypeface?> Shared = new(Load);

    /// <summary>The typeface, or null when no CJK font is installed.</summary>
    public static SKTypeface? TryGet() => Shared.Value;

    public static SKTypeface Get() => TryGet() ?? throw new PrintingUnavailableException(
        "No CJK font: install the Debian package fonts-noto-cjk or set " + EnvironmentVariable + " to a CJK font file.");

    /// <summary>Whether the typeface has a glyph for every character of <paramref name="text"/>.</summary>
    public static bool Covers(SKTypeface typeface, string text)
    {
        using var font = new SKFont(typeface);
        return font.ContainsGlyphs(text);
    }

    private static SKTypeface? Load()
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        foreach (var path in string.IsNullOrWhiteSpace(configured) ? Candidates : [configured])
        {
            if (!File.Exists(path)) continue;
            // A .ttc holds the JP, KR, SC, TC and HK faces: take the simplified-Chinese one.
            SKTypeface? first = null;
            for (var index = 0; index < 10; index++)
            {
                var face = SKTypeface.FromFile(path, index);
                if (face is null) break;
                if (face.FamilyName.EndsWith(" SC", StringComparison.Ordinal) && Covers(face, "录取通知书"))
                {
                    first?.Dispose();
                    return face;
                }
                if (first is null) first = face; else face.Dispose();
            }
            if (first is not null && Covers(first, "录取通知书")) return first;
            first?.Dispose();
        }
        return null;
    }
}

/// <summary>A document cannot be drawn faithfully (no CJK font, a character the font lacks).</summary>
public sealed class PrintingUnavailableException(string message) : Exception(message);
