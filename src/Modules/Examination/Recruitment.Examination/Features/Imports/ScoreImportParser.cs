using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace Recruitment.Examination.Features.Imports;

/// <summary>One row as the job sent it (FORM-10, EXAM-10): text, checked row by row later so a bad row never sinks the batch.</summary>
public sealed record ScoreImportRow(
    string? CycleYear, string? Track, string? BaseCode, string? IdNumber, string? SpecialtyCode,
    string? TheoryScore, string? SkillScore, string? InterviewScore, string? AssessmentResult,
    string? AbsentComponents, string? ExamDate, string? SourceSystem);

/// <summary>
/// Reads a score batch from a JSON body <c>{ cycleYear?, sourceSystem?, rows: [...] }</c> or a CSV file
/// with a header row (CsvHelper). Request-level problems (unreadable body, no rows, too large) refuse the
/// whole request; everything about a single row is left to the row checks.
/// </summary>
internal static class ScoreImportParser
{
    public const int MaxBytes = 32 * 1024 * 1024;
    public const int MaxRows = 200_000;

    private static readonly string[] RequiredColumns = ["track", "baseCode", "idNumber", "assessmentResult"];

    public static async Task<Outcome<(string Format, IReadOnlyList<ScoreImportRow> Rows)>> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var media = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var format = media switch
        {
            "application/json" => "json",
            "text/csv" => "csv",
            XlsxMedia => "xlsx",
            _ => null,
        };
        if (format is null)
            return new Refusal("import.unsupported_media_type", "Send application/json, text/csv or an XLSX workbook.",
                StatusCodes.Status415UnsupportedMediaType);
        if ((await ReadCappedAsync(request, ct)).Refused(out var tooLarge, out var body)) return tooLarge;
        var parsed = format switch
        {
            "json" => Json(body),
            "xlsx" => XlsxAsCsv(body) is { } csv ? Csv(csv, request.Query["cycleYear"]) : MalformedXlsx,
            _ => Csv(body, request.Query["cycleYear"]),
        };
        if (parsed.Refused(out var unreadable, out var rows)) return unreadable;
        if (rows.Count == 0) return Refusal.Invalid("import.empty", "The batch has no rows.");
        if (rows.Count > MaxRows) return Refusal.Invalid("import.too_many_rows", $"A batch holds at most {MaxRows:N0} rows; split it.");
        return new Outcome<(string, IReadOnlyList<ScoreImportRow>)>((format, rows));
    }

    private static async Task<Outcome<byte[]>> ReadCappedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes) return TooLarge;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes) return TooLarge;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Refusal TooLarge =>
        new("request.too_large", $"A batch is at most {MaxBytes / 1024 / 1024} MB; split it.", StatusCodes.Status413PayloadTooLarge);

    private static Outcome<List<ScoreImportRow>> Json(byte[] body)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(body); }
        catch (JsonException e) { return Refusal.Invalid("request.malformed", $"The body is not valid JSON: {e.Message}"); }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
                return Refusal.Invalid("import.malformed", "The JSON body is an object with a rows array.");
            var year = Text(root, "cycleYear");
            var source = Text(root, "sourceSystem");
            var result = new List<ScoreImportRow>(rows.GetArrayLength());
            foreach (var row in rows.EnumerateArray())
            {
                if (row.ValueKind != JsonValueKind.Object) { result.Add(new(null, null, null, null, null, null, null, null, null, null, null, null)); continue; }
                result.Add(new(Text(row, "cycleYear") ?? year, Text(row, "track"), Text(row, "baseCode"), Text(row, "idNumber"),
                    Text(row, "specialtyCode"), Text(row, "theoryScore"), Text(row, "skillScore"), Text(row, "interviewScore"),
                    Text(row, "assessmentResult"), Text(row, "absentComponents"), Text(row, "examDate"), Text(row, "sourceSystem") ?? source));
            }
            return result;
        }
    }

    /// <summary>Any JSON value as the text a CSV cell would hold: numbers keep their literal, arrays join with ';'.</summary>
    private static string? Text(JsonElement parent, string name) =>
        !parent.TryGetProperty(name, out var value) ? null : value.ValueKind switch
        {
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array => string.Join(';', value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : v.GetRawText())),
            _ => value.GetRawText(),
        };

    private static Outcome<List<ScoreImportRow>> Csv(byte[] body, string? defaultYear)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            PrepareHeaderForMatch = args => args.Header.Trim().ToUpperInvariant(),
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = args => throw new BadDataException(args.Field, args.RawRecord, args.Context, "bad quoting"),
        };
        try
        {
            using var reader = new StreamReader(new MemoryStream(body), Encoding.UTF8);
            using var csv = new CsvReader(reader, config);
            if (!csv.Read() || !csv.ReadHeader())
                return Refusal.Invalid("import.malformed_csv", "The CSV file has no header row.");
            var header = csv.HeaderRecord!.Select(h => h.Trim().ToUpperInvariant()).ToHashSet();
            var missing = RequiredColumns.Where(c => !header.Contains(c.ToUpperInvariant())).ToList();
            if (!header.Contains("CYCLEYEAR") && string.IsNullOrWhiteSpace(defaultYear)) missing.Add("cycleYear (or ?cycleYear=)");
            if (missing.Count > 0)
                return Refusal.Invalid("import.malformed_csv", $"The CSV header lacks: {string.Join(", ", missing)}.");

            // Each column's position, found once from the header (-1 when absent), rather than by name in every row.
            int Column(string name) => header.Contains(name.ToUpperInvariant()) ? csv.GetFieldIndex(name.ToUpperInvariant()) : -1;
            int year = Column("cycleYear"), track = Column("track"), baseCode = Column("baseCode"), idNumber = Column("idNumber"),
                specialty = Column("specialtyCode"), theory = Column("theoryScore"), skill = Column("skillScore"), interview = Column("interviewScore"),
                result = Column("assessmentResult"), absent = Column("absentComponents"), date = Column("examDate"), source = Column("sourceSystem");
            string? Field(int index) => index < 0 ? null : Blank(csv.GetField(index));
            var rows = new List<ScoreImportRow>();
            while (csv.Read())
                rows.Add(new(Field(year) ?? defaultYear, Field(track), Field(baseCode), Field(idNumber), Field(specialty), Field(theory), Field(skill),
                    Field(interview), Field(result), Field(absent), Field(date), Field(source)));
            return rows;
        }
        catch (CsvHelperException e)
        {
            return Refusal.Invalid("import.malformed_csv", $"The CSV file cannot be read near row {e.Context?.Parser?.Row}: {e.GetType().Name}.");
        }
    }

    public const string XlsxMedia = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>The first sheet of a workbook (MiniExcel, header row first) as the same CSV text the CSV path reads, so both share every check.</summary>
    private static readonly Refusal MalformedXlsx =
        Refusal.Invalid("import.malformed_xlsx", "The workbook cannot be read; send an XLSX file with a header row.");

    /// <remarks>Null when the workbook cannot be read.</remarks>
    private static byte[]? XlsxAsCsv(byte[] body)
    {
        List<IDictionary<string, object?>> sheet;
        try
        {
            sheet = MiniExcelLibs.MiniExcel.Query(new MemoryStream(body), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return null;
        }
        var columns = sheet.FirstOrDefault()?.Keys.ToList() ?? [];
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new CsvWriter(text, CultureInfo.InvariantCulture))
        {
            foreach (var column in columns) csv.WriteField(column);
            csv.NextRecord();
            foreach (var row in sheet)
            {
                foreach (var column in columns) csv.WriteField(Convert.ToString(row[column], CultureInfo.InvariantCulture));
                csv.NextRecord();
            }
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
