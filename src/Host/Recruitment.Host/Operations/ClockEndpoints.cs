using System.Globalization;
using System.Xml;
using Carter;

namespace Recruitment.Host.Operations;

/// <summary>Where the staged clock stands: real time, the host's time and the difference.</summary>
internal sealed record ClockView(DateTimeOffset Real, DateTimeOffset Staged, TimeSpan Offset);

/// <summary>A move forward: to a time, or by an offset ("3" days, "3.12:00:00", or ISO 8601 "P3DT12H").</summary>
internal sealed record MoveClockRequest(DateTimeOffset? To, string? Offset);

internal sealed record ClockMoved(DateTimeOffset Real, DateTimeOffset Staged, TimeSpan Offset, TimeSpan MovedBy, int ScheduledMessagesPulled);

/// <summary>
/// GET and POST /api/admin/clock for operators, on an installation started with <c>Clock:AllowTravel=true</c>
/// (never Production). Elsewhere both answer 404 <c>clock.travel_not_allowed</c>. The clock only moves forward:
/// what has happened (stored events, sent notices, fired deadlines) cannot be undone by moving it back.
/// A move is an operation on the installation, not a business state change, so it is not a Wolverine command: it
/// must take effect on this node before the answer, and it rewrites Wolverine's own tables.
/// </summary>
internal sealed class ClockEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var clock = app.MapGroup("/api/admin/clock").WithTags("Operations").RequireAuthorization(Policies.Operator);
        clock.MapGet("", (IServiceProvider services) =>
            services.GetService<StagedClock>() is { } staged ? Results.Ok(View(staged)) : NotAllowed.ToResult());
        clock.MapPost("", async (MoveClockRequest request, Caller caller, IServiceProvider services,
            ILogger<ClockEndpoints> logger, CancellationToken ct) =>
        {
            if (services.GetService<StagedClock>() is not { } staged) return NotAllowed.ToResult();
            if (request.To is null == request.Offset is null)
                return Refusal.Invalid("clock.invalid_move", "Give either to (a time) or offset (a duration), not both.").ToResult();
            TimeSpan? offset = null;
            if (request.Offset is { } text)
            {
                if (ParseOffset(text) is not { } parsed)
                    return Refusal.Invalid("clock.invalid_offset",
                        "offset must be a number of days, a time span (d.hh:mm:ss) or an ISO 8601 duration (P3DT12H).").ToResult();
                offset = parsed;
            }

            var store = services.GetRequiredService<StagedClockStore>();
            var moved = await store.MoveAsync(current => offset ?? request.To!.Value - (staged.Real.GetUtcNow() + current), caller.Actor, ct);
            if (moved is null)
                return new Refusal("clock.backwards", "The staged clock only moves forward.").ToResult();
            staged.Follow(moved.Offset);
            var view = View(staged);
            logger.StagedClockMoved(caller.Actor, moved.By, view.Staged, moved.ScheduledMessages);
            return Results.Ok(new ClockMoved(view.Real, view.Staged, view.Offset, moved.By, moved.ScheduledMessages));
        });
    }

    private static readonly Refusal NotAllowed = Refusal.NotFound("clock.travel_not_allowed",
        "This installation's clock does not travel (setting Clock:AllowTravel).");

    private static ClockView View(StagedClock clock)
    {
        var offset = clock.Offset;
        var real = clock.Real.GetUtcNow();
        return new ClockView(real, real + offset, offset);
    }

    /// <summary>A whole or fractional number of days, a .NET time span ("d.hh:mm:ss") or an ISO 8601 duration.</summary>
    internal static TimeSpan? ParseOffset(string text)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var days))
            return double.IsFinite(days) && Math.Abs(days) < 36_500 ? TimeSpan.FromDays(days) : null;
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)) return span;
        try
        {
            return text.StartsWith('P') || text.StartsWith("-P", StringComparison.Ordinal) ? XmlConvert.ToTimeSpan(text) : null;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            return null;
        }
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class ClockLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Actor} moved the staged clock forward by {By} to {Staged} ({Count} scheduled messages pulled earlier)")]
    public static partial void StagedClockMoved(this ILogger logger, string actor, TimeSpan by, DateTimeOffset staged, int count);
}
