namespace Recruitment.AdvancedFellowship.Features.Training;

public sealed record RotationBlockRequest(Site? Site, DateOnly? Start, DateOnly? End, Guid? EvaluationId);

public sealed record SiteRotationRequest(IReadOnlyList<RotationBlockRequest>? Blocks, string? SingleSiteReason, string? Reason);

public sealed record PlanSiteRotation(Guid FellowId, string Actor, SiteRotationRequest Request);

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
        app.MapPut("/api/advanced-fellowship/fellows/{fellowId:guid}/site-rotation", async (Guid fellowId, SiteRotationRequest request,
                ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() =>
                    bus.InvokeAsync<SiteRotationResult>(new PlanSiteRotation(fellowId, user.Actor(), request), ct)))
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: training");
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class PlanSiteRotationHandler
{
    public static async Task<SiteRotationResult> Handle(PlanSiteRotation command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        var (stream, f) = await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.REPORTED, FellowshipStatus.IN_TRAINING);
        var blocks = (r.Blocks ?? []).Select(b => b is { Site: { } site, Start: { } start, End: { } end, EvaluationId: { } evaluation }
                ? new RotationBlock(site, start, end, evaluation)
                : throw DomainException.Invalid("rotation.invalid_block", "Every block has site (GUILIN or XIANGYA2), start, end and evaluationId."))
            .ToList();
        var singleSiteReason = string.IsNullOrWhiteSpace(r.SingleSiteReason) ? null : r.SingleSiteReason.Trim();
        var (start, end) = SiteRotationRules.Check(blocks, f.DurationMonths!.Value, f.ReportedOn!.Value, f.Evaluations.Select(e => e.Id).ToList(),
            singleSiteReason, f.Status == FellowshipStatus.IN_TRAINING ? f.TrainingStart : null);

        var unchanged = f.Rotation.SequenceEqual(blocks.OrderBy(b => b.Start)) && f.SingleSiteReason == singleSiteReason;
        if (!unchanged)
        {
            stream.AppendOne(new SiteRotationPlanned(blocks, singleSiteReason, r.Reason?.Trim(), command.Actor, now));
            FellowStreams.StartTrainingIfReady(stream, f, f.Mentor is not null, blocks, command.Actor, now);
        }
        var status = f.Status == FellowshipStatus.REPORTED && f.Mentor is not null ? FellowshipStatus.IN_TRAINING : f.Status;
        return new SiteRotationResult(f.Id, status.ToString(), start, end);
    }
}
