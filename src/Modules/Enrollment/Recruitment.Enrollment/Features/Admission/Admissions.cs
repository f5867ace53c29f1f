using Recruitment.Notifications.Contracts;

namespace Recruitment.Enrollment.Features.Admission;

/// <summary>The message Rotation plans from, built in one place for admission, objections resolved late, and changed months.</summary>
internal static class Admissions
{
    public static TraineeAdmitted Message(Application a, RecruitmentCycle cycle, DateTimeOffset now)
    {
        var standard = a.Track == Track.ASSISTANT_GP ? cycle.StandardMonths.AssistantGp : cycle.StandardMonths.Residency;
        // The revision follows the exemption decisions, so a re-decided exemption always republishes with a higher one.
        return new TraineeAdmitted(a.Id, a.ApplicantId, a.Year, a.Track, a.BaseCode, a.SpecialtyCode, a.OtherSpecialty, a.Name,
            a.TrainingMonths ?? standard, cycle.Calendar.TrainingStartDate, a.Exemption is { Approved: true }, 1 + (a.Exemption?.Revision ?? 0), now);
    }

    /// <summary>
    /// What the admitted applicant is told, sent by whoever admits (the end of publicity, a late objection resolved):
    /// only then, never earlier (ENR-59). Keyed by application, so a redelivered admission tells once.
    /// </summary>
    public static NotifyAccount? Notification(Application a, RecruitmentCycle cycle)
    {
        if (a.ApplicantId is not { } applicant) return null;
        var trainingBase = cycle.Bases.FirstOrDefault(b => b.Code == a.BaseCode);
        return new NotifyAccount(applicant, NotificationTemplates.Admitted, new Dictionary<string, string>
        {
            ["name"] = a.Name,
            ["year"] = a.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["baseName"] = trainingBase?.NameZh ?? a.BaseCode,
            ["baseNameEn"] = trainingBase?.NameEn ?? a.BaseCode,
        }, "/me/status", $"admitted:{a.Id}");
    }

    /// <summary>The notice's number; a notice reissued with changed months (EXM-09) carries its revision, so two prints are told apart.</summary>
    public static string NoticeNumber(Application a) =>
        $"{a.Year}-{a.BaseCode}-{a.Id.ToString("N")[..8].ToUpperInvariant()}" + (a.NoticeRevision > 0 ? $"-R{a.NoticeRevision}" : "");
}
