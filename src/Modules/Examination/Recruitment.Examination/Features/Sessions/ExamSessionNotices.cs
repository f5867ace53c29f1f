using Recruitment.Notifications.Contracts;

namespace Recruitment.Examination.Features.Sessions;

/// <summary>
/// A published exam session is told to the candidates who sit it: everyone on the roster of that cycle and track, or of the
/// interviewing base only (EXAM-02, EXAM-05). Sent by the publishing handler, in its transaction; keyed per session.
/// </summary>
internal static class ExamSessionNotices
{
    public static async Task TellAsync(IQuerySession session, IMessageContext bus, ExamSession exam, CancellationToken ct)
    {
        var roster = session.Query<RosterEntry>()
            .Where(e => e.Year == exam.Year && e.Track == exam.Track && e.Status == RosterStatus.ROSTERED && e.ApplicantId != null);
        if (exam.BaseCode is { } baseCode) roster = roster.Where(e => e.BaseCode == baseCode);
        var applicants = await roster.Select(e => e.ApplicantId!.Value).ToListAsync(ct);
        if (applicants.Count == 0) return;
        var (zh, en) = Label(exam);
        var values = new Dictionary<string, string>
        {
            ["year"] = exam.Year.ToString(CultureInfo.InvariantCulture),
            ["exam"] = zh,
            ["examEn"] = en,
            ["start"] = Time(exam.Start),
            ["end"] = Time(exam.End),
            ["place"] = exam.Place,
        };
        foreach (var applicant in applicants.Distinct())
            await bus.PublishAsync(new NotifyAccount(applicant, NotificationTemplates.ExamSessionPublished, values,
                $"/api/examination/cycles/{exam.Year}/sessions", $"exam-session:{exam.Id}"));
    }

    private static (string Zh, string En) Label(ExamSession exam) => (exam.Track, exam.Kind) switch
    {
        (Track.RESIDENCY, SessionKind.WRITTEN) => ("住院医师规范化培训招录笔试", "residency recruitment written exam"),
        (Track.RESIDENCY, _) => ("住院医师规范化培训招录面试", "residency recruitment interview"),
        (_, SessionKind.WRITTEN) => ("助理全科医生培训招录笔试", "assistant-GP recruitment written exam"),
        _ => ("助理全科医生培训招录面试", "assistant-GP recruitment interview"),
    };

    private static string Time(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
