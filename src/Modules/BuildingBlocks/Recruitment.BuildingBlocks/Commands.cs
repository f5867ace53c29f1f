using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Wolverine;

namespace Recruitment.BuildingBlocks;

/// <summary>The one path from an endpoint to a state change (docs/adr/0001-one-command-path.md).</summary>
public static class Commands
{
    /// <summary>
    /// Invokes the command's Wolverine handler and answers its outcome: the result (200, or <paramref name="success"/>)
    /// or the refusal as problem details. With <paramref name="retryOnConflict"/> a write that lost an optimistic
    /// concurrency race runs again from the start, so the loser gets the real answer (e.g. "quota exhausted").
    /// </summary>
    public static async Task<IResult> SendAsync<T>(this IMessageBus bus, object command, CancellationToken ct,
        Func<T, IResult>? success = null, bool retryOnConflict = false)
    {
        var outcome = retryOnConflict
            ? await OptimisticRetry.RunAsync(() => bus.InvokeAsync<Outcome<T>>(command, ct))
            : await bus.InvokeAsync<Outcome<T>>(command, ct);
        return success is null ? outcome.ToResult() : outcome.ToResult(success);
    }

    /// <summary>
    /// As <see cref="SendAsync{T}(IMessageBus, object, CancellationToken, Func{T, IResult}?, bool)"/>, answering with a read made after
    /// the handler's transaction committed (the view of what changed, read like any other view).
    /// </summary>
    public static async Task<IResult> SendAsync<T>(this IMessageBus bus, object command, Func<T, Task<IResult>> then, CancellationToken ct)
    {
        var outcome = await bus.InvokeAsync<Outcome<T>>(command, ct);
        return outcome.Refused(out var refusal, out var value) ? refusal.ToResult() : await then(value);
    }

    /// <summary>A module's routes: one prefix and one OpenAPI tag for all, so no route repeats them.</summary>
    public static RouteGroupBuilder MapModule(this IEndpointRouteBuilder app, string prefix, string tag) =>
        app.MapGroup(prefix).WithTags(tag);
}
