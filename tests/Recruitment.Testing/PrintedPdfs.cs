using Shouldly;
using SkiaSharp;
using UglyToad.PdfPig;
using ZXing;
using ZXing.Common;

namespace Recruitment.Testing;

/// <summary>A printable document's route asked over HTTP: a PDF read back, or a refusal that is no PDF.</summary>
public static class PdfRoutes
{
    public static async Task<PrintedPdf> PdfAsync(HttpClient client, string route)
    {
        var response = await client.GetAsync(route);
        await response.ShouldBeSuccessAsync();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        return PrintedPdf.Read(await response.Content.ReadAsByteArrayAsync());
    }

    public static async Task NoPdfAsync(HttpResponseMessage response, HttpStatusCode status, string? code = null)
    {
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType?.MediaType.ShouldNotBe("application/pdf");
        if (code is not null) await response.ShouldBeProblemAsync(status, code);
    }
}

/// <summary>A printed PDF read back as a person or a phone would: its text per page and what its QR codes say.</summary>
public sealed record PrintedPdf(IReadOnlyList<string> Pages, IReadOnlyList<string> QrTexts, IReadOnlyList<string> Links)
{
    public string Text => string.Join("\n", Pages);

    /// <summary>The text without any white space: Chinese lines wrap between any two characters.</summary>
    public string Compact => new(Text.Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static PrintedPdf Read(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var pages = new List<string>();
        var qr = new List<string>();
        var links = new List<string>();
        foreach (var page in document.GetPages())
        {
            // Words joined by spaces: PdfPig's page.Text has no separators between drawn runs.
            // NFKC: the font maps some ideographs and their Kangxi-radical twins to one glyph, and the PDF's
            // ToUnicode map may name the radical (⼤ for 大); a reader's search folds them the same way.
            pages.Add(string.Join(" ", page.GetWords().Select(w => w.Text)).Normalize(System.Text.NormalizationForm.FormKC));
            links.AddRange(page.GetHyperlinks().Select(h => h.Uri).Where(u => u is not null)!);
            foreach (var image in page.GetImages())
                if (image.TryGetPng(out var png) && Decode(png) is { } text) qr.Add(text);
        }
        return new PrintedPdf(pages, qr, links);
    }

    private static string? Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        if (bitmap is null) return null;
        var gray = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                gray[y * bitmap.Width + x] = (byte)((c.Red + c.Green + c.Blue) / 3);
            }
        var source = new RGBLuminanceSource(gray, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        return reader.Decode(source)?.Text;
    }
}
