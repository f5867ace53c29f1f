namespace Recruitment.AdvancedFellowship.Features.Training;

public sealed record ReturnRequest(string? Reason);

public sealed record ReturnFellow(Guid FellowId, string Actor, ReturnRequest Request);

/// <summary>
/// POST /api/advanced-fellowship/fellows/{fellowId}/return (admin): a fellow who broke laws or hospital rules goes back to
/// the sending unit (FEL-22). RETURNED is terminal; the reason is recorded and the mentor's supervision ends.
/// </summary>
internal sealed class ReturnFellowEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/advanced-fellowship/fellows/{fellowId:guid}/return", async (Guid fellowId, ReturnRequest request, ClaimsPrincipal user,
                IMessageBus bus, CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() => bus.InvokeAsync<FellowshipResult>(new ReturnFellow(fellowId, user.Actor(), request), ct)))
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: training");
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class ReturnFellowHandler
{
    public static async Task<FellowshipResult> Handle(ReturnFellow command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (stream, f) = await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.REPORTED, FellowshipStatus.IN_TRAINING);
        var reason = FellowStreams.Text(command.Request.Reason, "fellow.reason_required", "reason (the violation)");
        await FellowStreams.ReleaseMentorAsync(session, f, $"returned: {reason}", command.Actor, now, ct);
        stream.AppendOne(new FellowReturned(reason, command.Actor, now));
        return new FellowshipResult(f.Id, nameof(FellowshipStatus.RETURNED));
    }
}
