namespace Recruitment.AdvancedFellowship.Features.Training;

public sealed record EvaluationRequest(DateOnly? EvaluatedOn, string? Evaluator, string? Summary);

public sealed record RecordPerformanceEvaluation(Guid FellowId, string Actor, EvaluationRequest Request);

public sealed record EvaluationResult(Guid FellowId, Guid EvaluationId);

/// <summary>
/// POST /api/advanced-fellowship/fellows/{fellowId}/performance-evaluations (admin): an evaluation of the fellow's actual
/// performance, from which the time at each site is set; every rotation block links to one (FEL-20).
/// </summary>
internal sealed class PerformanceEvaluationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/advanced-fellowship/fellows/{fellowId:guid}/performance-evaluations", async (Guid fellowId, EvaluationRequest request,
                ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() =>
                    bus.InvokeAsync<EvaluationResult>(new RecordPerformanceEvaluation(fellowId, user.Actor(), request), ct)))
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: training");
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class RecordPerformanceEvaluationHandler
{
    public static async Task<EvaluationResult> Handle(RecordPerformanceEvaluation command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        var (stream, f) = await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.REPORTED, FellowshipStatus.IN_TRAINING);
        var evaluator = FellowStreams.Text(r.Evaluator, "evaluation.invalid", "evaluator");
        var summary = FellowStreams.Text(r.Summary, "evaluation.invalid", "summary");
        var on = r.EvaluatedOn ?? ChinaTime.Date(now);
        if (on > ChinaTime.Date(now) || on < f.ReportedOn)
            throw DomainException.Invalid("evaluation.invalid", "evaluatedOn lies between the reporting day and today.");
        var evaluation = new PerformanceEvaluation(Guid.CreateVersion7(), on, evaluator, summary);
        stream.AppendOne(new PerformanceEvaluated(evaluation, command.Actor, now));
        return new EvaluationResult(f.Id, evaluation.Id);
    }
}
