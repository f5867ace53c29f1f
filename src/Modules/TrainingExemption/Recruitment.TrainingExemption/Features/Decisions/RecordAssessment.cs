using Carter;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Recruitment.BuildingBlocks;
using Recruitment.TrainingExemption.Domain;

namespace Recruitment.TrainingExemption.Features.Decisions;

internal sealed record AssessmentRequest(string? Result, decimal? Score, string? Notes);

/// <summary>
/// POST /api/training-exemption/requests/{requestId}/assessment (center): the unified capability
/// assessment's result (EXM-07), kept apart from recruitment scores (EXAM-17). It follows the base's form (EXM-08).
/// </summary>
internal sealed class RecordAssessmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/training-exemption/requests/{requestId:guid}/assessment", async (Guid requestId, AssessmentRequest body, HttpContext http,
                ITrainingExemptionStore store, TimeProvider clock, CancellationToken ct) =>
            {
                if (!Enum.TryParse<AssessmentResult>(body.Result, ignoreCase: true, out var result) || !Enum.IsDefined(result))
                    throw DomainException.Invalid("exemption.invalid_assessment", "result must be PASS or FAIL.");
                await using var session = store.LightweightSession();
                var stream = await session.Events.FetchForWriting<ExemptionCase>(requestId, ct);
                var request = stream.Aggregate ?? throw DomainException.NotFound("exemption.not_found", $"No exemption request {requestId}.");
                if (request.Status is not (ExemptionStatus.BASE_FORM_COMPLETED or ExemptionStatus.ASSESSED))
                    throw DomainException.Conflict("exemption.out_of_order",
                        $"The request is {request.Status}; the assessment follows the base's form and precedes the decision (EXM-08).");
                var assessment = new CapabilityAssessment(result, body.Score, body.Notes?.Trim(), http.User.Actor(), clock.GetUtcNow());
                stream.AppendOne(new CapabilityAssessed(assessment, assessment.Assessor, assessment.At));
                await session.SaveChangesAsync(ct);
                return assessment;
            })
            .RequireAuthorization(Policies.CenterAdmin).WithTags("TrainingExemption");
}
