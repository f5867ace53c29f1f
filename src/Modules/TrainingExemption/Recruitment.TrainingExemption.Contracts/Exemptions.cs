using Recruitment.Enrollment.Contracts;

namespace Recruitment.TrainingExemption.Contracts;

/// <summary>
/// Asked by Enrollment before it confirms an applicant who requests an exemption, so the base hears at
/// the desk whether the request is admissible (EXM-01..EXM-04). Answered in process; no state changes.
/// </summary>
public sealed record CheckExemptionRequest(
    int Year, Track Track, string SpecialtyCode, string? OtherSpecialty, HighestEducation? HighestEducation, ExemptionForm Form,
    DateTimeOffset At);

/// <summary>The answer: admissible when <see cref="Code"/> is null; otherwise the stable refusal code and why.</summary>
public sealed record ExemptionCheck(string? Code, string? Detail);

/// <summary>
/// One item of the make-up content: a rotation department of Rotation's catalogue and its months (EXM-10, ROT-04; the
/// seed's 「需补足的培训专科」, not a quota-table row).
/// </summary>
public sealed record MakeUpItem(string Department, int Months)
{
    /// <summary>
    /// The item's former name, still read (clients sending <c>specialty</c>, events and documents stored before the
    /// items named departments) and written alongside, so nothing stored or sent before the change breaks.
    /// </summary>
    public string Specialty
    {
        get => Department;
        init
        {
            if (string.IsNullOrEmpty(Department)) Department = value;
        }
    }
}

/// <summary>
/// The center's expert determination (EXM-08..EXM-10): approved with the reduced training months and the
/// make-up content, or rejected (standard duration). A reopened and re-decided case is published again
/// with a higher <see cref="Revision"/>; consumers keep the highest (EXM-09: the determination overrides
/// what the base proposed).
/// </summary>
public sealed record ExemptionDecided(
    Guid CandidateId,
    int Year,
    bool Approved,
    int TrainingMonths,
    IReadOnlyList<MakeUpItem> MakeUpItems,
    string? Reason,
    int Revision,
    DateTimeOffset At);
