namespace Recruitment.Enrollment.Contracts;

/// <summary>
/// A trainee admitted after publicity (ENR-59): what Rotation plans from. Training starts on the cycle's
/// start date whatever the admission route (ROT-02); <see cref="TrainingMonths"/> is the standard duration or
/// the center's reduced one (ENR-47, EXM-09). A change of training months is published again with a higher
/// <see cref="Revision"/>; consumers keep the highest.
/// </summary>
public sealed record TraineeAdmitted(
    Guid CandidateId,
    Guid? ApplicantId,
    int Year,
    Track Track,
    string BaseCode,
    string SpecialtyCode,
    string? OtherSpecialty,
    string Name,
    int TrainingMonths,
    DateOnly TrainingStart,
    bool ReducedYears,
    int Revision,
    DateTimeOffset At);
