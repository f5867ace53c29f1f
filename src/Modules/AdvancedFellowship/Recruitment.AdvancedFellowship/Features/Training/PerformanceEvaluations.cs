namespace Recruitment.AdvancedFellowship.Features.Training;

public sealed record EvaluationRequest(DateOnly? EvaluatedOn, string? Evaluator, string? Summary);

public sealed record RecordPerformanceEvaluation(Guid FellowId, Caller Caller, EvaluationRequest Request);

public sealed record EvaluationResult(Guid FellowId, Guid EvaluationId);

/// <summary>
/// POST /api/advanced-fellowship/fellows/{fellowId}/performance-evaluations (admin): an evaluation of the fellow's actual
/// performance, from which the time at each site is set; every rotation block links to one (FEL-20).
/// </summary>
internal sealed class PerformanceEvaluationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.FellowshipApi("training").MapPost("/fellows/{fellowId:guid}/performance-evaluations", (Guid fellowId, EvaluationRequest request,
                Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<EvaluationResult>(new RecordPerformanceEvaluation(fellowId, caller, request), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.FellowshipAdmin);
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class RecordPerformanceEvaluationHandler
{
    public static async Task<Outcome<EvaluationResult>> Handle(RecordPerformanceEvaluation command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        if ((await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.REPORTED, FellowshipStatus.IN_TRAINING)).Refused(out var refused, out var fetched)) return refused;
        var (stream, f) = fetched;
        if (FellowStreams.Text(r.Evaluator, "evaluation.invalid", "evaluator").Refused(out var no6, out var evaluator)) return no6;
        if (FellowStreams.Text(r.Summary, "evaluation.invalid", "summary").Refused(out var no7, out var summary)) return no7;
        var on = r.EvaluatedOn ?? ChinaTime.Date(now);
        if (on > ChinaTime.Date(now) || on < f.ReportedOn)
            return Refusal.Invalid("evaluation.invalid", "evaluatedOn lies between the reporting day and today.");
        var evaluation = new PerformanceEvaluation(Guid.CreateVersion7(), on, evaluator, summary);
        stream.AppendOne(new PerformanceEvaluated(evaluation, command.Caller.Actor, now));
        return new EvaluationResult(f.Id, evaluation.Id);
    }
}
