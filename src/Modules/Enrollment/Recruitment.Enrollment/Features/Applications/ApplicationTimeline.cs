namespace Recruitment.Enrollment.Features.Applications;

internal sealed record ApplicationView(
    Guid Id, int Year, string Track, string Status, string BaseCode, string SpecialtyCode, string? OtherSpecialty, string Category,
    string Name, bool IsFreeStudent, bool ExemptionRequested, bool IdentityVerified, IReadOnlyList<string> Flags, string? Reason,
    ApplicationChoice? Choice, ExamResult? ExamResult, ExemptionOutcome? Exemption, DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<TimelineEntry> Timeline);

/// <summary>
/// The status and dated timeline of an application (ENR-14): the event stream replayed, each entry
/// with the status it led to and who caused it (ENR-34).
/// </summary>
internal static class ApplicationTimeline
{
    public static async Task<ApplicationView> ViewAsync(IQuerySession session, Application a, CancellationToken ct)
    {
        var events = await session.Events.FetchStreamAsync(a.Id, token: ct);
        var replay = new Application();
        var timeline = new List<TimelineEntry>(events.Count);
        foreach (var e in events)
        {
            if (e.Data is not IApplicationEvent change) continue;
            replay.On(change);
            timeline.Add(new TimelineEntry(change.At, Timeline.EventName(change), replay.Status.ToString(), change.Actor, Detail(change)));
        }

        return new ApplicationView(a.Id, a.Year, a.Track.ToString(), a.Status.ToString(), a.BaseCode, a.SpecialtyCode, a.OtherSpecialty,
            a.Category.ToString(), a.Name, a.IsFreeStudent, a.ExemptionRequested, a.IdentityVerified, a.Flags, a.Reason, a.Choice,
            a.ExamResult, a.Exemption, a.SubmittedAt, a.UpdatedAt, timeline);
    }

    private static string? Detail(IApplicationEvent e) => e switch
    {
        ApplicationRejected r => r.Reason,
        ApplicationWithdrawn w => w.Reason,
        ApplicationCancelled c => c.Reason,
        ApplicationApproved a => a.Note,
        ApplicationSubmitted s => $"{s.Choice.BaseCode}/{s.Choice.SpecialtyCode}",
        ApplicationEdited edited => $"{edited.Choice.BaseCode}/{edited.Choice.SpecialtyCode}",
        OnsiteConfirmed c when c.ExemptionRequested => "exemption requested",
        AdmissionDeclined d => d.Reason,
        AdmissionRevoked r => r.Reason,
        LateReportRecorded l => $"{l.ReportedOn:yyyy-MM-dd} (late): {l.Reason}",
        ProposalReturned r => $"{r.Step}: {r.Reason}",
        PlacedByPhc p => $"{p.Proposal.CellId}: {p.Reason}",
        ProfileCorrected c => $"{string.Join(", ", c.Sections)}: {c.Reason}",
        _ => null,
    };
}
