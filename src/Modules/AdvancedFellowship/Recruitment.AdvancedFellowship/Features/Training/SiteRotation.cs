namespace Recruitment.AdvancedFellowship.Features.Training;

public sealed record RotationBlockRequest(Site? Site, DateOnly? Start, DateOnly? End, Guid? EvaluationId);

public sealed record SiteRotationRequest(IReadOnlyList<RotationBlockRequest>? Blocks, string? SingleSiteReason, string? Reason);

public sealed record PlanSiteRotation(Guid FellowId, Caller Caller, SiteRotationRequest Request);

public sealed record SiteRotationResult(Guid FellowId, string Status, DateOnly Start, DateOnly End);

/// <summary>
/// PUT /api/advanced-fellowship/fellows/{fellowId}/site-rotation (admin): the two-site rotation plan (FEL-20), replaced
/// whole. Blocks at the Guilin hospital (GUILIN) and the Second Xiangya Hospital (XIANGYA2) cover the fellow's duration
/// exactly, with no overlap and no gap, from the reporting day on, at least one at each site unless singleSiteReason
/// says why, each linked to a recorded performance evaluation. Once training started, a new plan keeps its start.
/// </summary>
internal sealed class SiteRotationEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.FellowshipApi("training").MapPut("/fellows/{fellowId:guid}/site-rotation", (Guid fellowId, SiteRotationRequest request,
                Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<SiteRotationResult>(new PlanSiteRotation(fellowId, caller, request), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.FellowshipAdmin);
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class PlanSiteRotationHandler
{
    public static async Task<Outcome<SiteRotationResult>> Handle(PlanSiteRotation command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        if ((await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.REPORTED, FellowshipStatus.IN_TRAINING)).Refused(out var refused, out var fetched)) return refused;
        var (stream, f) = fetched;
        if ((r.Blocks ?? []).Any(b => b is not { Site: not null, Start: not null, End: not null, EvaluationId: not null }))
            return Refusal.Invalid("rotation.invalid_block", "Every block has site (GUILIN or XIANGYA2), start, end and evaluationId.");
        var blocks = (r.Blocks ?? []).Select(b => new RotationBlock(b.Site!.Value, b.Start!.Value, b.End!.Value, b.EvaluationId!.Value)).ToList();
        var singleSiteReason = string.IsNullOrWhiteSpace(r.SingleSiteReason) ? null : r.SingleSiteReason.Trim();
        var (start, end) = SiteRotationRules.Check(blocks, f.DurationMonths!.Value, f.ReportedOn!.Value, f.Evaluations.Select(e => e.Id).ToList(),
            singleSiteReason, f.Status == FellowshipStatus.IN_TRAINING ? f.TrainingStart : null);

        var unchanged = f.Rotation.SequenceEqual(blocks.OrderBy(b => b.Start)) && f.SingleSiteReason == singleSiteReason;
        if (!unchanged)
        {
            stream.AppendOne(new SiteRotationPlanned(blocks, singleSiteReason, r.Reason?.Trim(), command.Caller.Actor, now));
            FellowStreams.StartTrainingIfReady(stream, f, f.Mentor is not null, blocks, command.Caller.Actor, now);
        }
        var status = f.Status == FellowshipStatus.REPORTED && f.Mentor is not null ? FellowshipStatus.IN_TRAINING : f.Status;
        return new SiteRotationResult(f.Id, status.ToString(), start, end);
    }
}
