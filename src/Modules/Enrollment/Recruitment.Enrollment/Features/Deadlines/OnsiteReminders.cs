using Recruitment.Enrollment.Features.Notices;

namespace Recruitment.Enrollment.Features.Deadlines;

/// <summary>Remind approved applicants of on-site confirmation (ENR-07, ENR-32); runs once a day through the window.</summary>
public sealed record SendOnsiteReminders(int Year);

/// <summary>
/// A durable timer like the stage deadlines: stored when the cycle is published, it first runs a day before the on-site
/// window opens and then daily until the window closes. Each run reminds every approved residency applicant not yet
/// confirmed: of an appointment starting within the next day, or, when the window closes within the next day, that it
/// closes (ENR-32: unconfirmed means no exam). The look-ahead is a little over a day so that a run arriving late never
/// leaves a gap; the keys make an overlap tell nobody twice.
/// </summary>
[MartenStore(typeof(IEnrollmentStore))]
public static class OnsiteRemindersHandler
{
    private static readonly TimeSpan Day = TimeSpan.FromDays(1);
    private static readonly TimeSpan LookAhead = TimeSpan.FromHours(25);

    public static object Schedule(RecruitmentCyclePublished cycle, DateTimeOffset now) =>
        new SendOnsiteReminders(cycle.Year).DelayedFor(Until(cycle.Calendar.OnsiteConfirmationStart - Day, now));

    public static async Task<OutgoingMessages> Handle(SendOnsiteReminders command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        var cycle = await session.LoadAsync<RecruitmentCycle>(command.Year, ct);
        if (cycle is null || now.IsPast(cycle.Calendar.OnsiteConfirmationEnd)) return messages;
        var firstRun = cycle.Calendar.OnsiteConfirmationStart - Day;
        // Early (scheduled against an older calendar, or a redelivery): wait for the run in force now.
        if (now < firstRun)
        {
            messages.Add(command.DelayedFor(Until(firstRun, now)));
            return messages;
        }

        var waiting = await session.Query<Application>()
            .Where(a => a.Year == command.Year && a.Track == Track.RESIDENCY && a.Status == ApplicationStatus.APPROVED).ToListAsync(ct);
        var closing = cycle.Calendar.OnsiteConfirmationEnd - now <= LookAhead;
        foreach (var a in waiting)
        {
            var appointment = await session.LoadAsync<Appointment>(a.Id, ct);
            var slot = appointment is null ? null : await session.LoadAsync<AppointmentSlot>(appointment.SlotId, ct);
            if (slot is not null && slot.Start > now && slot.Start - now <= LookAhead)
            {
                if (EnrollmentNotices.AppointmentReminder(a, cycle, slot) is { } reminder) messages.Add(reminder);
            }
            else if (closing && (slot is null || slot.Start <= now) && EnrollmentNotices.WindowClosing(a, cycle) is { } closes)
            {
                messages.Add(closes);
            }
        }
        messages.Add(command.DelayedFor(Day));
        return messages;
    }

    private static TimeSpan Until(DateTimeOffset at, DateTimeOffset now) => at > now ? at - now : TimeSpan.Zero;
}
