namespace Recruitment.Enrollment.Features.Deadlines;

public enum Stage { QualificationReview, OnsiteConfirmation, ProposedAdmission }

/// <summary>Close a stage of a cycle: what is still waiting at its deadline lapses (ENR-31, ENR-32, ENR-50).</summary>
public sealed record CloseStage(int Year, Stage Stage);

/// <summary>
/// Durable timers, not polling: when a cycle is published, one scheduled message per stage deadline is
/// stored in Wolverine's envelope tables and survives restarts. At the qualification-review deadline
/// pending applications become NOT_REVIEWED (never auto-approved, ENR-31); after the on-site window,
/// approved but unconfirmed ones become NOT_CONFIRMED and cannot sit the exams (ENR-32); at the
/// proposal lock, examined residents nobody proposed become NOT_PROPOSED (ENR-50, ENR-51).
/// </summary>
[MartenStore(typeof(IEnrollmentStore))]
public static class StageDeadlinesHandler
{
    public static OutgoingMessages Handle(RecruitmentCyclePublished cycle, TimeProvider clock)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        foreach (var stage in Enum.GetValues<Stage>())
            messages.Add(new CloseStage(cycle.Year, stage).DelayedFor(Until(Deadline(cycle.Calendar, stage), now)));
        messages.Add(Departures.ReportingDeadlineHandler.Schedule(cycle, now)); // ENR-66, its own slice
        messages.Add(OnsiteRemindersHandler.Schedule(cycle, now)); // ENR-07 reminders, their own slice
        return messages;
    }

    public static async Task<object?> Handle(CloseStage command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cycle = await session.LoadAsync<RecruitmentCycle>(command.Year, ct);
        if (cycle is null) return null;
        var deadline = Deadline(cycle.Calendar, command.Stage);
        // Early (the calendar moved later since scheduling): wait for the deadline in force now.
        if (!now.IsPast(deadline)) return command.DelayedFor(Until(deadline, now));

        var waiting = command.Stage switch
        {
            Stage.QualificationReview => ApplicationStatus.PENDING_REVIEW,
            Stage.OnsiteConfirmation => ApplicationStatus.APPROVED,
            _ => ApplicationStatus.EXAMINED,
        };
        // Review and on-site confirmation are residency stages; the proposal lock closes both tracks.
        var bothTracks = command.Stage == Stage.ProposedAdmission;
        var ids = await session.Query<Application>()
            .Where(a => a.Year == command.Year && (bothTracks || a.Track == Track.RESIDENCY) && a.Status == waiting)
            .Select(a => a.Id).ToListAsync(ct);
        foreach (var id in ids)
        {
            // Every append to an application stream goes through FetchForWriting, so the snapshot always knows its
            // version (slices that append expecting Version + 1 rely on it).
            var stream = await session.Events.FetchForWriting<Application>(id, ct);
            if (stream.Aggregate?.Status != waiting) continue;
            stream.AppendOne(command.Stage switch
            {
                Stage.QualificationReview => new ReviewDeadlinePassed(SystemActor.Deadline, now),
                Stage.OnsiteConfirmation => (IApplicationEvent)new ConfirmationWindowClosed(SystemActor.Deadline, now),
                _ => new ProposalLockPassed(SystemActor.Deadline, now),
            });
        }
        return null;
    }

    private static DateTimeOffset Deadline(CycleCalendar calendar, Stage stage) => stage switch
    {
        Stage.QualificationReview => calendar.QualificationReviewDeadline,
        Stage.OnsiteConfirmation => calendar.OnsiteConfirmationEnd,
        _ => calendar.ProposedAdmissionLock,
    };

    /// <summary>Deadlines are inclusive (DATE-CONV): the stage closes one second after.</summary>
    private static TimeSpan Until(DateTimeOffset deadline, DateTimeOffset now)
    {
        var wait = deadline.AddSeconds(1) - now;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }
}
