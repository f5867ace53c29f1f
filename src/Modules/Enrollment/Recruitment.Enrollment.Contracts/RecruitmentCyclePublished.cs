namespace Recruitment.Enrollment.Contracts;

/// <summary>
/// Enrollment owns the recruitment reference data and publishes each loaded (or changed) cycle;
/// other modules keep their own copy of what they need from it.
/// </summary>
public sealed record RecruitmentCyclePublished(
    int Year,
    string Version,
    CycleCalendar Calendar,
    IReadOnlyList<TrainingBase> Bases,
    IReadOnlyList<Specialty> Specialties,
    IReadOnlyList<QuotaCell> Quotas,
    AssistantGpQuota AssistantGp,
    StandardDurations StandardMonths);

/// <summary>The cycle's dates (DOMAIN.md 2.2), all in China Standard Time.</summary>
public sealed record CycleCalendar(
    DateTimeOffset BrochureSubmitDeadline,
    DateTimeOffset BrochureVisibleFrom,
    DateTimeOffset RegistrationOpen,
    DateTimeOffset RegistrationCloseExclusive,
    DateTimeOffset QualificationReviewDeadline,
    DateTimeOffset OnsiteConfirmationStart,
    DateTimeOffset OnsiteConfirmationEnd,
    DateTimeOffset AssistantGpRegistrationStart,
    DateTimeOffset AssistantGpRegistrationEnd,
    DateTimeOffset InterviewDeadline,
    DateTimeOffset ScoreImportDeadline,
    DateTimeOffset ProposedAdmissionLock,
    DateTimeOffset MaterialsToCenterDeadline,
    int PublicityDurationHours,
    DateTimeOffset ReportingDeadline,
    int LabourContractDaysAfterReporting,
    DateTimeOffset RotationPlanDeadline,
    DateTimeOffset OrientationDeadline,
    DateTimeOffset ExemptionDecisionDeadline,
    DateOnly TrainingStartDate)
{
    /// <summary>
    /// reporting.lateUntil (ENR-66): the base may record a late report until then. A cycle file without it gets
    /// the default of DOMAIN.md 2.2: 30 days after the reporting deadline (2024: 09-30 23:59:59).
    /// </summary>
    public DateTimeOffset? ReportingLateUntil { get; init; }

    /// <summary>
    /// supplementary.closeAt (ENR-68): places freed after admission may be refilled by a PHC round until then.
    /// Default: the reporting deadline (2024: 08-31 23:59:59).
    /// </summary>
    public DateTimeOffset? SupplementaryCloseAt { get; init; }

    public DateTimeOffset LateReportingUntil => ReportingLateUntil ?? ReportingDeadline.AddDays(30);

    public DateTimeOffset RefillUntil => SupplementaryCloseAt ?? ReportingDeadline;
}

public sealed record TrainingBase(string Code, string NameZh, string NameEn, string City, IReadOnlyList<BaseContact> Contacts);

public sealed record BaseContact(string Name, string Phone);

public sealed record Specialty(string Code, string NameZh, string NameEn, bool IsShortage);

/// <summary>One cell of the quota table; <see cref="Places"/> is null where the seed says "/" (not offered).</summary>
public sealed record QuotaCell(string BaseCode, string SpecialtyCode, int? Places);

public sealed record AssistantGpQuota(string BaseCode, int Places);

/// <summary>Standard training durations in months (DOMAIN.md 2.2, ROT-11).</summary>
public sealed record StandardDurations(int Residency, int AssistantGp);
