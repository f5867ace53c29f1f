using System.Text;
using QRCoder;
using SkiaSharp;

namespace Recruitment.Printing;

/// <summary>What makes a printed document checkable: its code and the public page that verifies it.</summary>
public sealed record Verification(string Code, string Url);

/// <summary>
/// A printable A4 document drawn with SkiaSharp's PDF backend, top to bottom: headings, paragraphs,
/// label/value fields, tables that continue on the next page with their header, a photo. Every page carries
/// the verification code, the verification URL and its QR code (a link as well), so a single page taken out
/// of a bundle can still be checked. Text is embedded as real text (subset font with a ToUnicode map), so it
/// can be searched, copied and read back by tests.
/// </summary>
public sealed class PrintedDocument : IDisposable
{
    private const float Margin = 48f;
    private const float FooterHeight = 86f;
    private readonly MemoryStream _output = new();
    private readonly SKDocument _document;
    private readonly SKTypeface _typeface;
    private readonly SKFont _probe;
    private readonly SKPaint _ink = new() { Color = SKColors.Black, IsAntialias = true };
    private readonly SKPaint _rule = new() { Color = SKColors.Black, IsStroke = true, StrokeWidth = 0.6f, IsAntialias = true };
    private readonly Verification _verification;
    private readonly SKImage _qr;
    private readonly float _width;
    private readonly float _height;
    private SKCanvas? _canvas;
    private float _y;
    private int _pages;

    public PrintedDocument(string title, Verification verification, bool landscape = false)
    {
        _typeface = CjkFont.Get();
        _probe = new SKFont(_typeface);
        Check(title);
        _verification = verification;
        (_width, _height) = landscape ? (842f, 595f) : (595f, 842f);
        _document = SKDocument.CreatePdf(_output, new SKDocumentPdfMetadata
        {
            // 101 = lossless: a QR code saved as JPEG blurs (photos that arrive as JPEG are embedded as they are).
            EncodingQuality = 101,
            RasterDpi = 300,
            Title = title,
            Creator = "Recruitment",
            Producer = "Recruitment (SkiaSharp PDF)",
            Subject = "Verification code " + verification.Code,
        });
        _qr = QrImage(verification.Url);
        NewPage();
    }

    public float ContentWidth => _width - 2 * Margin;

    /// <summary>A centred title line.</summary>
    public PrintedDocument Heading(string text, float size = 18f)
    {
        using var font = Font(size);
        foreach (var line in Wrap(text, font, ContentWidth))
        {
            Ensure(size * 1.6f);
            _y += size * 1.3f;
            _canvas!.DrawText(line, _width / 2, _y, SKTextAlign.Center, font, _ink);
            _y += size * 0.3f;
        }
        _y += size * 0.4f;
        return this;
    }

    /// <summary>Wrapped running text; a blank line in <paramref name="text"/> starts a new paragraph.</summary>
    public PrintedDocument Paragraph(string text, float size = 11f, float indent = 0f)
    {
        using var font = Font(size);
        foreach (var line in Wrap(text, font, ContentWidth - indent))
        {
            Ensure(size * 1.7f);
            _y += size * 1.6f;
            _canvas!.DrawText(line, Margin + indent, _y, SKTextAlign.Left, font, _ink);
        }
        _y += size * 0.6f;
        return this;
    }

    /// <summary>Label / value lines, the labels in one column.</summary>
    public PrintedDocument Fields(IEnumerable<(string Label, string? Value)> fields, float size = 11f, float labelWidth = 150f, float? width = null)
    {
        using var font = Font(size);
        var available = (width ?? ContentWidth) - labelWidth;
        foreach (var (label, value) in fields)
        {
            var lines = Wrap(string.IsNullOrWhiteSpace(value) ? "—" : value, font, available);
            Ensure(size * 1.7f * lines.Count);
            _y += size * 1.7f;
            _canvas!.DrawText(label, Margin, _y, SKTextAlign.Left, font, _ink);
            for (var i = 0; i < lines.Count; i++)
            {
                if (i > 0) _y += size * 1.5f;
                _canvas.DrawText(lines[i], Margin + labelWidth, _y, SKTextAlign.Left, font, _ink);
            }
        }
        _y += size * 0.8f;
        return this;
    }

    /// <summary>A ruled table; rows that do not fit go to the next page under a repeated header.</summary>
    public PrintedDocument Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, IReadOnlyList<float>? weights = null, float size = 8.5f)
    {
        using var font = Font(size);
        var w = weights ?? headers.Select(_ => 1f).ToList();
        var total = w.Sum();
        var widths = w.Select(x => ContentWidth * x / total).ToArray();
        var lineHeight = size * 1.45f;

        void Row(IReadOnlyList<string?> cells, bool header)
        {
            var wrapped = cells.Select((c, i) => Wrap(c ?? "", font, widths[i] - 4)).ToList();
            var height = Math.Max(1, wrapped.Max(l => l.Count)) * lineHeight + 4;
            if (_y + height > _height - FooterHeight)
            {
                NewPage();
                if (!header) Row(headers.Cast<string?>().ToList(), header: true);
            }
            var x = Margin;
            for (var i = 0; i < widths.Length; i++)
            {
                _canvas!.DrawRect(x, _y, widths[i], height, _rule);
                for (var l = 0; l < wrapped[i].Count; l++)
                    _canvas.DrawText(wrapped[i][l], x + 2, _y + 2 + (l + 1) * lineHeight - size * 0.35f, SKTextAlign.Left, font, _ink);
                x += widths[i];
            }
            _y += height;
        }

        Row(headers.Cast<string?>().ToList(), header: true);
        foreach (var row in rows) Row(row, header: false);
        _y += 10;
        return this;
    }

    /// <summary>A photo (JPEG or PNG) in the top-right corner of the current page, 90 x 120 pt, framed.</summary>
    public PrintedDocument PhotoTopRight(byte[]? encoded, float top)
    {
        var box = SKRect.Create(_width - Margin - 90, top, 90, 120);
        _canvas!.DrawRect(box, _rule);
        if (encoded is { Length: > 0 })
        {
            using var image = SKImage.FromEncodedData(encoded);
            if (image is not null) _canvas.DrawImage(image, box, new SKSamplingOptions(SKFilterMode.Linear));
        }
        else
        {
            using var font = Font(9);
            _canvas.DrawText("照片 Photo", box.MidX, box.MidY, SKTextAlign.Center, font, _ink);
        }
        return this;
    }

    /// <summary>The vertical position where the next element starts (for placing a photo beside fields).</summary>
    public float Cursor => _y;

    public byte[] ToPdf()
    {
        Footer();
        _document.EndPage();
        _canvas = null;
        _document.Close();
        return _output.ToArray();
    }

    public void Dispose()
    {
        _document.Dispose();
        _qr.Dispose();
        _probe.Dispose();
        _ink.Dispose();
        _rule.Dispose();
        _output.Dispose();
    }

    private void Ensure(float height)
    {
        if (_y + height > _height - FooterHeight) NewPage();
    }

    private void NewPage()
    {
        if (_canvas is not null)
        {
            Footer();
            _document.EndPage();
        }
        _canvas = _document.BeginPage(_width, _height);
        _pages++;
        _y = Margin;
    }

    private void Footer()
    {
        const float qrSize = 64f;
        var top = _height - Margin / 2 - qrSize;
        _canvas!.DrawLine(Margin, top - 8, _width - Margin, top - 8, _rule);
        var qrBox = SKRect.Create(_width - Margin - qrSize, top, qrSize, qrSize);
        _canvas.DrawImage(_qr, qrBox, new SKSamplingOptions(SKFilterMode.Nearest));
        _canvas.DrawUrlAnnotation(qrBox, _verification.Url);
        using var font = Font(8.5f);
        _canvas.DrawText($"验证码 Verification code: {_verification.Code}", Margin, top + 14, SKTextAlign.Left, font, _ink);
        _canvas.DrawText($"真伪查验 Verify at: {_verification.Url}", Margin, top + 30, SKTextAlign.Left, font, _ink);
        _canvas.DrawText($"第 {_pages} 页 Page {_pages}", Margin, top + 46, SKTextAlign.Left, font, _ink);
    }

    private SKFont Font(float size) => new(_typeface, size) { Subpixel = true };

    /// <summary>Refuses text the font cannot draw, instead of printing empty boxes.</summary>
    private void Check(string text)
    {
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune)) continue;
            if (!_probe.ContainsGlyphs(rune.ToString()))
                throw new PrintingUnavailableException($"The document font has no glyph for U+{rune.Value:X4}.");
        }
    }

    private List<string> Wrap(string text, SKFont font, float maxWidth)
    {
        Check(text);
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "").Split('\n'))
        {
            var current = new System.Text.StringBuilder();
            foreach (var c in paragraph)
            {
                current.Append(c);
                if (font.MeasureText(current.ToString()) <= maxWidth || current.Length == 1) continue;
                current.Length--;
                // Break a Latin word at its space; Chinese text breaks between any two characters.
                var s = current.ToString();
                var space = s.LastIndexOf(' ');
                if (char.IsAsciiLetterOrDigit(c) && space > 0 && s[(space + 1)..].All(char.IsAscii))
                {
                    lines.Add(s[..space]);
                    current.Clear().Append(s[(space + 1)..]).Append(c);
                }
                else
                {
                    lines.Add(s.TrimEnd());
                    current.Clear();
                    if (c != ' ') current.Append(c);
                }
            }
            lines.Add(current.ToString());
        }
        return lines;
    }

    private static SKImage QrImage(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        const int scale = 4;
        var size = matrix.Count * scale;
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Gray8, SKAlphaType.Opaque));
        for (var row = 0; row < matrix.Count; row++)
            for (var col = 0; col < matrix.Count; col++)
            {
                var color = matrix[row][col] ? SKColors.Black : SKColors.White;
                for (var dy = 0; dy < scale; dy++)
                    for (var dx = 0; dx < scale; dx++)
                        bitmap.SetPixel(col * scale + dx, row * scale + dy, color);
            }
        return SKImage.FromBitmap(bitmap);
    }
}
