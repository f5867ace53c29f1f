using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Recruitment.Enrollment.Features.Departures;

/// <summary>Close reporting for a cycle: who is still only ADMITTED becomes NOT_REPORTED (ENR-66).</summary>
public sealed record CloseReporting(int Year);

/// <summary>
/// The durable stage at <c>reporting.deadline</c> (ENR-62, ENR-66), scheduled with the other stage deadlines when a
/// cycle is published and checking the deadline again when it runs (the calendar may have moved). Each trainee
/// not reported by then becomes NOT_REPORTED: the place returns to its cell (ENR-68) and Rotation and
/// TrainingExemption are told (ENR-69). The base may still record a late report until <c>reporting.lateUntil</c>.
/// </summary>
[MartenStore(typeof(IEnrollmentStore))]
public static class ReportingDeadlineHandler
{
    /// <summary>A decline or report racing the stage makes its appends conflict: run again on fresh state.</summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException(e => OptimisticRetry.IsConflict(e))
            .RetryWithCooldown(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(1));

    public static object Schedule(RecruitmentCyclePublished cycle, DateTimeOffset now) =>
        new CloseReporting(cycle.Year).DelayedFor(Until(cycle.Calendar.ReportingDeadline, now));

    public static async Task<OutgoingMessages> Handle(CloseReporting command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        var cycle = await session.LoadAsync<RecruitmentCycle>(command.Year, ct);
        if (cycle is null) return messages;
        if (!now.IsPast(cycle.Calendar.ReportingDeadline))
        {
            messages.Add(command.DelayedFor(Until(cycle.Calendar.ReportingDeadline, now)));
            return messages;
        }
        var ids = await session.Query<Application>().Where(a => a.Year == command.Year && a.Status == ApplicationStatus.ADMITTED)
            .Select(a => a.Id).ToListAsync(ct);
        var work = new DepartureWork(session);
        var reason = $"not reported by {cycle.Calendar.ReportingDeadline.ToOffset(ChinaTime.Offset):yyyy-MM-dd HH:mm:ss}";
        foreach (var id in ids)
        {
            var stream = await session.Events.FetchForWriting<Application>(id, ct);
            if (stream.Aggregate?.Status != ApplicationStatus.ADMITTED) continue;
            messages.Add(await work.LeaveAsync(stream, Departure.NOT_REPORTED, reason, SystemActor.Deadline, now, ct));
        }
        return messages;
    }

    /// <summary>Deadlines are inclusive (DATE-CONV): the stage closes one second after.</summary>
    private static TimeSpan Until(DateTimeOffset deadline, DateTimeOffset now)
    {
        var wait = deadline.AddSeconds(1) - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
