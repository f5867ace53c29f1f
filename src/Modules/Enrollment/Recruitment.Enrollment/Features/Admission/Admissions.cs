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

    /// <summary>The notice's number; a notice reissued with changed months (EXM-09) carries its revision, so two prints are told apart.</summary>
    public static string NoticeNumber(Application a) =>
        $"{a.Year}-{a.BaseCode}-{a.Id.ToString("N")[..8].ToUpperInvariant()}" + (a.NoticeRevision > 0 ? $"-R{a.NoticeRevision}" : "");
}
