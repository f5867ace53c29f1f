namespace Recruitment.Examination.Features.Extensions;

public sealed record ExtensionRequest(int? Year, string? BaseCode, DateTimeOffset? Until, string? Reason);

public sealed record GrantExtension(Caller Caller, ExtensionRequest Request);

/// <summary>
/// POST /api/examination/extensions (center): extends one base's score import deadline with a reason
/// (EXAM-11). Rows imported inside the extension are accepted and flagged late. A later grant replaces
/// an earlier one and records who granted it, when and why.
/// </summary>
internal sealed class GrantExtensionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.ExaminationApi().MapPost("/extensions", (ExtensionRequest request, Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<ImportExtension>(new GrantExtension(caller, request), ct))
            .RequireAuthorization(Policies.CenterAdmin);
}

[MartenStore(typeof(IExaminationStore))]
public static class GrantExtensionHandler
{
    public static async Task<Outcome<ImportExtension>> Handle(GrantExtension command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var request = command.Request;
        if (request.Year is not { } year || string.IsNullOrWhiteSpace(request.BaseCode) || request.Until is not { } until
            || string.IsNullOrWhiteSpace(request.Reason))
            return Refusal.Invalid("extension.invalid", "year, baseCode, until and reason are required.");
        var baseCode = request.BaseCode.Trim().ToUpperInvariant();
        if (await session.LoadAsync<ExamCycle>(year, ct) is not { } cycle) return Refusal.NotFound("cycle.not_found", $"No recruitment cycle for {year}.");
        if (!cycle.BaseCodes.Contains(baseCode)) return Refusal.NotFound("base.not_found", $"{baseCode} is not a base of {year}.");
        if (until <= cycle.ScoreImportDeadline)
            return Refusal.Invalid("extension.not_later", $"An extension ends after the deadline {cycle.ScoreImportDeadline:O}.");
        var extension = new ImportExtension
        {
            Id = ImportExtension.IdFor(year, baseCode),
            Year = year,
            BaseCode = baseCode,
            Until = until,
            Reason = request.Reason.Trim(),
            GrantedBy = command.Caller.Actor,
            GrantedAt = clock.GetUtcNow(),
        };
        session.Store(extension);
        return extension;
    }
}
