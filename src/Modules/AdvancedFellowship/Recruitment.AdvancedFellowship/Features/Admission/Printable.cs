using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Recruitment.AdvancedFellowship.Features.Admission;

/// <summary>
/// Printable HTML pages (FORM-08, FORM-09, the certificate): a self-contained page with print CSS, every value
/// HTML-encoded. Browsers print it or save it as PDF.
/// </summary>
internal sealed class Printable
{
    public const string Hospital = "中南大学湘雅二医院桂林医院 · Guilin Hospital of the Second Xiangya Hospital of Central South University";
    public const string ReportingAddress = "凤北路8号行政办公楼二楼 科教部 · Sci & Ed Dept., 2nd floor, Administrative Office Building, No. 8 Fengbei Road";
    public const string Contacts = "魏老师、何老师 (Teacher Wei, Teacher He), 0773-2836275";

    private readonly StringBuilder _body = new();

    public Printable Heading(string text)
    {
        _body.Append("<h2>").Append(Encode(text)).Append("</h2>\n");
        return this;
    }

    public Printable Paragraph(string text)
    {
        _body.Append("<p>").Append(Encode(text)).Append("</p>\n");
        return this;
    }

    public Printable Table(IEnumerable<(string Label, string? Value)> rows)
    {
        _body.Append("<table>\n");
        foreach (var (label, value) in rows)
            _body.Append("<tr><th>").Append(Encode(label)).Append("</th><td>").Append(Encode(value ?? "")).Append("</td></tr>\n");
        _body.Append("</table>\n");
        return this;
    }

    public Printable List(IEnumerable<string> items)
    {
        _body.Append("<ol>\n");
        foreach (var item in items) _body.Append("<li>").Append(Encode(item)).Append("</li>\n");
        _body.Append("</ol>\n");
        return this;
    }

    public IResult Page(string title) =>
        Results.Content($$$"""
            <!DOCTYPE html>
            <html lang="zh-CN"><head><meta charset="utf-8"><title>{{{Encode(title)}}}</title>
            <style>body{font-family:serif;max-width:800px;margin:2em auto}h1{text-align:center;font-size:22pt}
            table{border-collapse:collapse;width:100%}th,td{border:1px solid #000;padding:4px 8px;text-align:left;vertical-align:top}
            th{width:35%}@media print{body{margin:0}}</style></head>
            <body><p>{{{Encode(Hospital)}}}</p><h1>{{{Encode(title)}}}</h1>
            {{{_body}}}</body></html>
            """, "text/html; charset=utf-8", Encoding.UTF8);

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    // Chinese stays readable in the page source; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(text);
}
