using System.Text.Json;
using Microsoft.Extensions.Logging;
using Recruitment.Rotation.Features.Templates;

namespace Recruitment.Rotation.Features.ReferenceData;

internal sealed record DepartmentsFile(List<DepartmentRow> Departments);

internal sealed record DepartmentRow(string Code, string NameEn, string NameZh);

internal sealed record TemplatesFile(List<TemplateDefinition> Templates);

/// <summary>
/// Loads the SAMPLE department catalogue and rotation templates from ReferenceData/ at start-up. Departments
/// are upserted; a template is written only where none exists or the stored one is still the unchanged sample,
/// so the center's uploads are never overwritten.
/// </summary>
internal sealed class RotationReferenceDataLoader(IRotationStore store, ILogger<RotationReferenceDataLoader> logger) : AfterStartTask
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override async Task StartedAsync(CancellationToken cancellationToken)
    {
        var departments = JsonSerializer.Deserialize<DepartmentsFile>(ReadReferenceData<RotationReferenceDataLoader>("departments.json"), Json)!;
        var templates = JsonSerializer.Deserialize<TemplatesFile>(ReadReferenceData<RotationReferenceDataLoader>("templates.json"), Json)!;
        await using var session = store.LightweightSession();
        session.Store(departments.Departments.Select(d => new Department { Id = d.Code, NameEn = d.NameEn, NameZh = d.NameZh }).ToArray());
        var known = departments.Departments.Select(d => d.Code).ToHashSet();
        foreach (var definition in templates.Templates)
        {
            var existing = await session.LoadAsync<RotationTemplate>(definition.SpecialtyCode, cancellationToken);
            if (existing is { Source: not "SAMPLE" }) continue;
            var total = definition.Track == RotationTemplate.AssistantGp ? 24 : 36;
            if (TemplateRules.Build(definition.SpecialtyCode, definition, known, total, "SAMPLE", null, null).Refused(out var refused, out var template))
                logger.SampleTemplateRefused(definition.SpecialtyCode, refused.Detail);
            else
                session.Store(template);
        }
        await session.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>GET /api/rotation/departments (anyone): the department catalogue blocks and capacities name (SAMPLE).</summary>
internal sealed class DepartmentsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.RotationApi().MapGet("/departments", async (IRotationStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var departments = await session.Query<Department>().OrderBy(d => d.Id).ToListAsync(ct);
                return new { sample = true, items = departments.Select(d => new { code = d.Id, d.NameEn, d.NameZh }) };
            })
            .AllowAnonymous();
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class RotationReferenceLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Sample rotation template {Code} refused: {Reason}")]
    public static partial void SampleTemplateRefused(this ILogger logger, string code, string reason);
}
