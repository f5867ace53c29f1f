namespace Recruitment.Enrollment.Contracts;

/// <summary>
/// A base decided a qualification review (ENR-30, ENR-31): approved, or rejected with its reason. A rejected applicant
/// may correct and resubmit until <see cref="RegistrationClosesAt"/> (exclusive), so they are told at once.
/// </summary>
public sealed record ApplicationReviewed(
    Guid ApplicationId,
    Guid? ApplicantId,
    int Year,
    string BaseCode,
    string Name,
    bool Approved,
    string? Reason,
    DateTimeOffset RegistrationClosesAt,
    DateTimeOffset At);
