using Carter;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Recruitment.BuildingBlocks;
using Recruitment.Examination.Domain;

namespace Recruitment.Examination.Features.Extensions;

internal sealed record ExtensionRequest(int? Year, string? BaseCode, DateTimeOffset? Until, string? Reason);

/// <summary>
/// POST /api/examination/extensions (center): extends one base's score import deadline with a reason
/// (EXAM-11). Rows imported inside the extension are accepted and flagged late. A later grant replaces
/// an earlier one and records who granted it, when and why.
/// </summary>
internal sealed class GrantExtensionEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/examination/extensions", async (ExtensionRequest request, HttpContext http, IExaminationStore store, TimeProvider clock,
                CancellationToken ct) =>
            {
                if (request.Year is not { } year || string.IsNullOrWhiteSpace(request.BaseCode) || request.Until is not { } until
                    || string.IsNullOrWhiteSpace(request.Reason))
                    throw DomainException.Invalid("extension.invalid", "year, baseCode, until and reason are required.");
                var baseCode = request.BaseCode.Trim().ToUpperInvariant();
                await using var session = store.LightweightSession();
                var cycle = await session.LoadAsync<ExamCycle>(year, ct)
                            ?? throw DomainException.NotFound("cycle.not_found", $"No recruitment cycle for {year}.");
                if (!cycle.BaseCodes.Contains(baseCode)) throw DomainException.NotFound("base.not_found", $"{baseCode} is not a base of {year}.");
                if (until <= cycle.ScoreImportDeadline)
                    throw DomainException.Invalid("extension.not_later", $"An extension ends after the deadline {cycle.ScoreImportDeadline:O}.");
                var extension = new ImportExtension
                {
                    Id = ImportExtension.IdFor(year, baseCode), Year = year, BaseCode = baseCode, Until = until, Reason = request.Reason.Trim(),
                    GrantedBy = http.User.Actor(), GrantedAt = clock.GetUtcNow(),
                };
                session.Store(extension);
                await session.SaveChangesAsync(ct);
                return Results.Ok(extension);
            })
            .RequireAuthorization(Policies.CenterAdmin)
            .WithTags("Examination");
}
