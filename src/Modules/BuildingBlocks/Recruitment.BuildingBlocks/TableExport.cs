using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace Recruitment.BuildingBlocks;

/// <summary>
/// A table (ordered columns, one dictionary per row) as a downloadable CSV (CsvHelper, UTF-8 with BOM so
/// spreadsheet programs read Chinese names; a cell a spreadsheet would run as a formula is escaped) or XLSX
/// (MiniExcel) file: the export routes' one format switch.
/// </summary>
public static class TableExport
{
    public static async Task<IResult> FileAsync(string? format, string fileName, IReadOnlyList<string> columns,
        IEnumerable<IReadOnlyDictionary<string, object?>> rows, CancellationToken ct)
    {
        var stream = new MemoryStream();
        switch (format?.ToLowerInvariant() ?? "csv")
        {
            case "csv":
                await using (var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(true), leaveOpen: true))
                await using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape }))
                {
                    foreach (var column in columns) csv.WriteField(column);
                    await csv.NextRecordAsync();
                    foreach (var row in rows)
                    {
                        foreach (var column in columns) csv.WriteField(Text(row.GetValueOrDefault(column)));
                        await csv.NextRecordAsync();
                    }
                }
                stream.Position = 0;
                return Results.File(stream, "text/csv; charset=utf-8", fileName + ".csv");
            case "xlsx":
                var sheet = rows.Select(row => columns.ToDictionary(c => c, c => (object?)Text(row.GetValueOrDefault(c)))).ToList();
                if (sheet.Count == 0) sheet.Add(columns.ToDictionary(c => c, _ => (object?)null));
                await stream.SaveAsAsync(sheet, cancellationToken: ct);
                stream.Position = 0;
                return Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", fileName + ".xlsx");
            default:
                throw DomainException.Invalid("export.unsupported_format", "format must be csv or xlsx.");
        }
    }

    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTimeOffset d => d.ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
