namespace Recruitment.TrainingExemption.Features.Decisions;

public sealed record AssessmentRequest(string? Result, decimal? Score, string? Notes);

public sealed record RecordCapabilityAssessment(Guid RequestId, Caller Caller, AssessmentRequest Request);

/// <summary>
/// POST /api/training-exemption/requests/{requestId}/assessment (center): the unified capability
/// assessment's result (EXM-07), kept apart from recruitment scores (EXAM-17). It follows the base's form (EXM-08).
/// </summary>
internal sealed class RecordAssessmentEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.ExemptionApi().MapPost("/requests/{requestId:guid}/assessment", (Guid requestId, AssessmentRequest body, Caller caller, IMessageBus bus,
                CancellationToken ct) => bus.SendAsync<CapabilityAssessment>(new RecordCapabilityAssessment(requestId, caller, body), ct))
            .RequireAuthorization(Policies.CenterAdmin);
}

[MartenStore(typeof(ITrainingExemptionStore))]
public static class RecordAssessmentHandler
{
    public static async Task<Outcome<CapabilityAssessment>> Handle(RecordCapabilityAssessment command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var body = command.Request;
        if (!Enum.TryParse<AssessmentResult>(body.Result, ignoreCase: true, out var result) || !Enum.IsDefined(result))
            return Refusal.Invalid("exemption.invalid_assessment", "result must be PASS or FAIL.");
        var stream = await session.Events.FetchForWriting<ExemptionCase>(command.RequestId, ct);
        if (stream.Aggregate is not { } request) return ExemptionAccess.NotFound(command.RequestId);
        if (request.Status is not (ExemptionStatus.BASE_FORM_COMPLETED or ExemptionStatus.ASSESSED))
            return Refusal.Conflict("exemption.out_of_order",
                $"The request is {request.Status}; the assessment follows the base's form and precedes the decision (EXM-08).");
        var assessment = new CapabilityAssessment(result, body.Score, body.Notes?.Trim(), command.Caller.Actor, clock.GetUtcNow());
        stream.AppendOne(new CapabilityAssessed(assessment, assessment.Assessor, assessment.At));
        return assessment;
    }
}
