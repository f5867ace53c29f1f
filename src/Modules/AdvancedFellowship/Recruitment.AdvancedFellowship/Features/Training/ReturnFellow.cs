namespace Recruitment.AdvancedFellowship.Features.Training;

public sealed record ReturnRequest(string? Reason);

public sealed record ReturnFellow(Guid FellowId, Caller Caller, ReturnRequest Request);

/// <summary>
/// POST /api/advanced-fellowship/fellows/{fellowId}/return (admin): a fellow who broke laws or hospital rules goes back to
/// the sending unit (FEL-22). RETURNED is terminal; the reason is recorded and the mentor's supervision ends.
/// </summary>
internal sealed class ReturnFellowEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.FellowshipApi("training").MapPost("/fellows/{fellowId:guid}/return", (Guid fellowId, ReturnRequest request, Caller caller,
                IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<FellowshipResult>(new ReturnFellow(fellowId, caller, request), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.FellowshipAdmin);
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class ReturnFellowHandler
{
    public static async Task<Outcome<FellowshipResult>> Handle(ReturnFellow command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if ((await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.REPORTED, FellowshipStatus.IN_TRAINING)).Refused(out var refused, out var fetched)) return refused;
        var (stream, f) = fetched;
        if (FellowStreams.Text(command.Request.Reason, "fellow.reason_required", "reason (the violation)").Refused(out var no8, out var reason)) return no8;
        await FellowStreams.ReleaseMentorAsync(session, f, $"returned: {reason}", command.Caller.Actor, now, ct);
        stream.AppendOne(new FellowReturned(reason, command.Caller.Actor, now));
        return new FellowshipResult(f.Id, nameof(FellowshipStatus.RETURNED));
    }
}
