using System.Globalization;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Recruitment.Rotation.Features.Templates;

internal sealed record TemplateItemInput(string? Department, int? Months, int? MinBlockMonths);

internal sealed record TemplateDefinition(string SpecialtyCode, string? Track, string? NameEn, string? NameZh, List<TemplateItemInput>? Items);

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
        app.MapGet("/api/rotation/templates", async (IRotationStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var all = await session.Query<RotationTemplate>().OrderBy(t => t.Id).ToListAsync(ct);
                return new { items = all.Select(View) };
            })
            .AllowAnonymous().WithTags("Rotation");

        app.MapGet("/api/rotation/templates/{specialtyCode}", async (string specialtyCode, IRotationStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var template = await session.LoadAsync<RotationTemplate>(specialtyCode.ToUpperInvariant(), ct)
                               ?? throw DomainException.NotFound("template.not_found", $"No rotation template {specialtyCode}.");
                return View(template);
            })
            .AllowAnonymous().WithTags("Rotation");

        app.MapPut("/api/rotation/templates/{specialtyCode}", async (string specialtyCode, HttpRequest request, HttpContext http,
                IRotationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var code = specialtyCode.Trim().ToUpperInvariant();
                if (code.Length is 0 or > 40 || !code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
                    throw DomainException.Invalid("template.invalid_code", "A template code is 1-40 letters, digits, '_' or '-'.");
                var definition = await ReadAsync(code, request, ct);
                await using var session = store.LightweightSession();
                var cycle = await session.Query<RotationCycle>().OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct)
                            ?? throw DomainException.Conflict("template.no_cycle", "No recruitment cycle is loaded, so the standard durations are unknown.");
                var known = (await session.Query<Department>().Select(d => d.Id).ToListAsync(ct)).ToHashSet();
                var track = code == RotationTemplate.AssistantGp ? RotationTemplate.AssistantGp : "RESIDENCY";
                var total = track == RotationTemplate.AssistantGp ? cycle.StandardAssistantGpMonths : cycle.StandardResidencyMonths;
                var template = TemplateRules.Build(code, definition with { Track = track }, known, total, "UPLOADED", http.User.Actor(), clock.GetUtcNow());
                session.Store(template);
                await session.SaveChangesAsync(ct);
                return View(template);
            })
            .RequireAuthorization(Policies.CenterAdmin).WithTags("Rotation")
            .Accepts<TemplateDefinition>("application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private static object View(RotationTemplate t) => new
    {
        specialtyCode = t.Id, t.Track, t.NameEn, t.NameZh, t.TotalMonths, t.Source, sample = t.Source == "SAMPLE", t.UploadedBy, t.UploadedAt,
        items = t.Items,
    };

    private static async Task<TemplateDefinition> ReadAsync(string code, HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxUpload) throw DomainException.Invalid("template.too_large", "A template upload is at most 1 MB.");
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant() ?? "";
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxUpload) throw DomainException.Invalid("template.too_large", "A template upload is at most 1 MB.");
        buffer.Position = 0;
        try
        {
            switch (type)
            {
                case "application/json":
                    var body = await JsonSerializer.DeserializeAsync<TemplateDefinition>(buffer,
                                   // the host's options carry the input policy (no null item, no control character)
                                   request.HttpContext.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions, ct)
                               ?? throw DomainException.Invalid("template.invalid_file", "Empty body.");
                    return body with { SpecialtyCode = code };
                case "text/csv":
                    using (var reader = new StreamReader(buffer))
                    using (var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
                           { PrepareHeaderForMatch = a => a.Header.Trim().ToLowerInvariant(), MissingFieldFound = null, HeaderValidated = null }))
                    {
                        var rows = new List<TemplateItemInput>();
                        await csv.ReadAsync();
                        csv.ReadHeader();
                        while (await csv.ReadAsync())
                            rows.Add(new TemplateItemInput(csv.GetField("department"), Int(csv.GetField("months")), Int(csv.GetField("minblockmonths"))));
                        return new TemplateDefinition(code, null, null, null, rows);
                    }
                case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
                    var sheet = (await buffer.QueryAsync(useHeaderRow: true, cancellationToken: ct)).Cast<IDictionary<string, object?>>()
                        .Select(r => r.ToDictionary(kv => kv.Key.Trim().ToLowerInvariant(), kv => kv.Value?.ToString()?.Trim()))
                        .Where(r => r.Values.Any(v => !string.IsNullOrEmpty(v)))
                        .Select(r => new TemplateItemInput(r.GetValueOrDefault("department"), Int(r.GetValueOrDefault("months")), Int(r.GetValueOrDefault("minblockmonths"))))
                        .ToList();
                    return new TemplateDefinition(code, null, null, null, sheet);
                default:
                    throw new DomainException("template.unsupported_media_type", "Send JSON, CSV (text/csv) or XLSX.", StatusCodes.Status415UnsupportedMediaType);
            }
        }
        catch (Exception e) when (e is JsonException or CsvHelperException or InvalidDataException or InvalidOperationException or FormatException)
        {
            throw DomainException.Invalid("template.invalid_file", $"The template could not be read: {e.Message}");
        }
    }

    private static int? Int(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d
        : throw DomainException.Invalid("template.invalid_item", $"'{text}' is not a whole number of months.");
}

internal static class TemplateRules
{
    public static RotationTemplate Build(string code, TemplateDefinition d, ISet<string> knownDepartments, int standardMonths, string source,
        string? actor, DateTimeOffset? at)
    {
        if (d.Items is null || d.Items.Count == 0) throw DomainException.Invalid("template.no_items", "A template lists at least one department.");
        var items = new List<TemplateItem>();
        foreach (var i in d.Items)
        {
            var department = i.Department?.Trim().ToUpperInvariant() ?? "";
            if (department.Length == 0 || i.Months is not > 0)
                throw DomainException.Invalid("template.invalid_item", "Every item names a department and at least 1 month.");
            if (!knownDepartments.Contains(department))
                throw DomainException.Invalid("template.unknown_department", $"Unknown department {department}.");
            var min = i.MinBlockMonths ?? 1;
            if (min < 1 || min > i.Months)
                throw DomainException.Invalid("template.invalid_item", $"{department}: the minimum block is between 1 and its {i.Months} months.");
            if (items.Any(x => x.Department == department))
                throw DomainException.Invalid("template.duplicate_department", $"{department} is listed twice.");
            items.Add(new TemplateItem(department, i.Months.Value, min));
        }
        var sum = items.Sum(i => i.Months);
        if (sum != standardMonths)
            throw DomainException.Invalid("template.months_mismatch", $"The items sum to {sum} months; the standard duration is {standardMonths} (ROT-11).");
        return new RotationTemplate
        {
            Id = code, Track = d.Track ?? "RESIDENCY", NameEn = d.NameEn?.Trim() ?? code, NameZh = d.NameZh?.Trim() ?? "", Items = items,
            TotalMonths = sum, Source = source, UploadedBy = actor, UploadedAt = at,
        };
    }
}
