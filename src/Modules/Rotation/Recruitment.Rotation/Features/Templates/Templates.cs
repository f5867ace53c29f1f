using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Recruitment.Rotation.Features.Templates;

public sealed record TemplateItemInput(string? Department, int? Months, int? MinBlockMonths);

public sealed record TemplateDefinition(string SpecialtyCode, string? Track, string? NameEn, string? NameZh, List<TemplateItemInput>? Items);

public sealed record UploadTemplate(string SpecialtyCode, Caller Caller, TemplateDefinition Definition);

public sealed record TemplateView(string SpecialtyCode, string Track, string NameEn, string NameZh, int TotalMonths, string Source, bool Sample,
    string? UploadedBy, DateTimeOffset? UploadedAt, IReadOnlyList<TemplateItem> Items)
{
    internal static TemplateView Of(RotationTemplate t) =>
        new(t.Id, t.Track, t.NameEn, t.NameZh, t.TotalMonths, t.Source, t.Source == "SAMPLE", t.UploadedBy, t.UploadedAt, t.Items);
}

/// <summary>
/// GET /api/rotation/templates (anyone) and GET /templates/{specialtyCode}: the rotation template of a specialty
/// (or ASSISTANT_GP), marked SAMPLE until the center uploads its own. PUT /templates/{specialtyCode}
/// (center-admin) replaces it: a JSON body <c>{ nameEn, nameZh, items: [{ department, months, minBlockMonths }] }</c>,
/// or a CSV (text/csv) or XLSX file with the columns department, months, minBlockMonths. Validated before
/// anything is stored: months sum to the track's standard duration of the current cycle (ROT-10, ROT-11),
/// departments known and listed once, whole months, minimum block between 1 and the months.
/// </summary>
internal sealed class TemplatesEndpoints : ICarterModule
{
    private const long MaxUpload = 1024 * 1024;

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.RotationApi();
        api.MapGet("/templates", async (IRotationStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var all = await session.Query<RotationTemplate>().OrderBy(t => t.Id).ToListAsync(ct);
                return new { items = all.Select(TemplateView.Of) };
            })
            .AllowAnonymous();

        api.MapGet("/templates/{specialtyCode}", async (string specialtyCode, IRotationStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                return await session.LoadAsync<RotationTemplate>(specialtyCode.ToUpperInvariant(), ct) is { } template
                    ? Results.Ok(TemplateView.Of(template))
                    : Refusal.NotFound("template.not_found", $"No rotation template {specialtyCode}.").ToResult();
            })
            .AllowAnonymous();

        api.MapPut("/templates/{specialtyCode}", async (string specialtyCode, HttpRequest request, Caller caller, IMessageBus bus,
                CancellationToken ct) =>
            {
                var code = specialtyCode.Trim().ToUpperInvariant();
                if (code.Length is 0 or > 40 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                    return Refusal.Invalid("template.invalid_code", "A template code is 1-40 letters, digits, '_' or '-'.").ToResult();
                return (await ReadAsync(code, request, ct)).Refused(out var refused, out var definition)
                    ? refused.ToResult()
                    : await bus.SendAsync<TemplateView>(new UploadTemplate(code, caller, definition), ct);
            })
            .RequireAuthorization(Policies.CenterAdmin)
            .Accepts<TemplateDefinition>("application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static Refusal TooLarge => Refusal.Invalid("template.too_large", "A template upload is at most 1 MB.");

    private static async Task<Outcome<TemplateDefinition>> ReadAsync(string code, HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxUpload) return TooLarge;
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxUpload) return TooLarge;
        buffer.Position = 0;
        try
        {
            switch (type)
            {
                case "application/json":
                    var body = await JsonSerializer.DeserializeAsync<TemplateDefinition>(buffer,
                        // the host's options carry the input policy (no null item, no control character)
                        request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions, ct);
                    return body is null ? Refusal.Invalid("template.invalid_file", "Empty body.") : body with { SpecialtyCode = code };
                case "text/csv":
                    using (var reader = new StreamReader(buffer))
                    using (var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
                    { PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), MissingFieldFound = null, HeaderValidated = null }))
                    {
                        var rows = new List<(string?, string?, string?)>();
                        await csv.ReadAsync();
                        csv.ReadHeader();
                        while (await csv.ReadAsync())
                            rows.Add((csv.GetField("department"), csv.GetField("months"), csv.GetField("minblockmonths")));
                        return FromRows(code, rows);
                    }
                case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
                    var sheet = (await buffer.QueryAsync(useHeaderRow: true, cancellationToken: ct)).Cast<IDictionary<string, object?>>()
                        .Select(r => r.ToDictionary(kv => kv.Key.Trim().ToLowerInvariant(), kv => kv.Value?.ToString()?.Trim()))
                        .Where(r => r.Values.Any(v => !string.IsNullOrEmpty(v)))
                        .Select(r => (r.GetValueOrDefault("department"), r.GetValueOrDefault("months"), r.GetValueOrDefault("minblockmonths")))
                        .ToList();
                    return FromRows(code, sheet);
                default:
                    return new Refusal("template.unsupported_media_type", "Send JSON, CSV (text/csv) or XLSX.", StatusCodes.Status415UnsupportedMediaType);
            }
        }
        catch (Exception e) when (e is JsonException or CsvHelperException or InvalidDataException or InvalidOperationException or FormatException)
        {
            return Refusal.Invalid("template.invalid_file", $"The template could not be read: {e.Message}");
        }
    }

    /// <summary>Rows of a sheet (department, months, minimum block) as a definition; a month count must be a whole number.</summary>
    private static Outcome<TemplateDefinition> FromRows(string code, IEnumerable<(string? Department, string? Months, string? MinBlock)> rows)
    {
        var items = new List<TemplateItemInput>();
        foreach (var (department, monthsText, minText) in rows)
        {
            if (!TryInt(monthsText, out var months)) return NotWholeMonths(monthsText);
            if (!TryInt(minText, out var min)) return NotWholeMonths(minText);
            items.Add(new TemplateItemInput(department, months, min));
        }
        return new TemplateDefinition(code, null, null, null, items);
    }

    private static Refusal NotWholeMonths(string? text) => Refusal.Invalid("template.invalid_item", $"'{text}' is not a whole number of months.");

    private static bool TryInt(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) || d != decimal.Truncate(d)
            || d is < int.MinValue or > int.MaxValue) return false;
        value = (int)d;
        return true;
    }
}

[MartenStore(typeof(IRotationStore))]
public static class UploadTemplateHandler
{
    public static async Task<Outcome<TemplateView>> Handle(UploadTemplate command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var code = command.SpecialtyCode;
        if (await session.Query<RotationCycle>().OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct) is not { } cycle)
            return Refusal.Conflict("template.no_cycle", "No recruitment cycle is loaded, so the standard durations are unknown.");
        var known = await RotationAccess.DepartmentsAsync(session, ct);
        var track = code == RotationTemplate.AssistantGp ? RotationTemplate.AssistantGp : "RESIDENCY";
        var total = track == RotationTemplate.AssistantGp ? cycle.StandardAssistantGpMonths : cycle.StandardResidencyMonths;
        if (TemplateRules.Build(code, command.Definition with { Track = track }, known, total, "UPLOADED", command.Caller.Actor, clock.GetUtcNow())
            .Refused(out var refused, out var template)) return refused;
        session.Store(template);
        return TemplateView.Of(template);
    }
}

internal static class TemplateRules
{
    public static Outcome<RotationTemplate> Build(string code, TemplateDefinition d, ISet<string> knownDepartments, int standardMonths, string source,
        string? actor, DateTimeOffset? at)
    {
        if (d.Items is null || d.Items.Count == 0) return Refusal.Invalid("template.no_items", "A template lists at least one department.");
        var items = new List<TemplateItem>();
        foreach (var i in d.Items)
        {
            var department = i.Department?.Trim().ToUpperInvariant() ?? "";
            if (department.Length == 0 || i.Months is not > 0)
                return Refusal.Invalid("template.invalid_item", "Every item names a department and at least 1 month.");
            if (!knownDepartments.Contains(department))
                return Refusal.Invalid("template.unknown_department", $"Unknown department {department}.");
            var min = i.MinBlockMonths ?? 1;
            if (min < 1 || min > i.Months)
                return Refusal.Invalid("template.invalid_item", $"{department}: the minimum block is between 1 and its {i.Months} months.");
            if (items.Any(x => x.Department == department))
                return Refusal.Invalid("template.duplicate_department", $"{department} is listed twice.");
            items.Add(new TemplateItem(department, i.Months.Value, min));
        }
        var sum = items.Sum(i => i.Months);
        if (sum != standardMonths)
            return Refusal.Invalid("template.months_mismatch", $"The items sum to {sum} months; the standard duration is {standardMonths} (ROT-11).");
        return new RotationTemplate
        {
            Id = code,
            Track = d.Track ?? "RESIDENCY",
            NameEn = d.NameEn?.Trim() ?? code,
            NameZh = d.NameZh?.Trim() ?? "",
            Items = items,
            TotalMonths = sum,
            Source = source,
            UploadedBy = actor,
            UploadedAt = at,
        };
    }
}
