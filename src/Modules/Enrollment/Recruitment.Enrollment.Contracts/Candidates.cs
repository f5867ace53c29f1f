using System.Diagnostics.CodeAnalysis;

namespace Recruitment.Enrollment.Contracts;

[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum Track { RESIDENCY, ASSISTANT_GP }

/// <summary>
/// A candidate may sit the exams (EXAM-04): a residency applicant confirmed on site, or an assistant-GP
/// registrant qualified by the base. <see cref="CandidateId"/> is the application id, stable for the cycle.
/// Redelivery and republication carry the same values, so consumers upsert by id.
/// </summary>
public sealed record CandidateEligibleForExams(
    Guid CandidateId,
    Guid? ApplicantId,
    int Year,
    Track Track,
    string BaseCode,
    string SpecialtyCode,
    string? OtherSpecialty,
    string DocumentNumber,
    string Name,
    string Category,
    bool ExemptionRequested,
    DateTimeOffset At);

/// <summary>The candidate withdrew (by the applicant) after having been put on a roster.</summary>
public sealed record CandidateWithdrawn(Guid CandidateId, int Year, DateTimeOffset At);

/// <summary>The candidate's eligibility was cancelled for false information (ENR-16, ENR-41).</summary>
public sealed record CandidateCancelled(Guid CandidateId, int Year, string Reason, DateTimeOffset At);

/// <summary>
/// A confirmed residency applicant requested a training exemption at on-site confirmation (ENR-29, EXM-04);
/// the TrainingExemption module opens a case from it.
/// </summary>
public sealed record ExemptionRequested(
    Guid CandidateId,
    Guid? ApplicantId,
    int Year,
    string BaseCode,
    string SpecialtyCode,
    string? OtherSpecialty,
    string Name,
    HighestEducation? HighestEducation,
    bool HoldsPhysicianQualification,
    ExemptionForm Form,
    DateTimeOffset At);

[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum ExemptionBasis { PROFESSIONAL_MASTER_CLINICAL, DOCTORATE_CLINICAL, DOCTORATE_STOMATOLOGY, CLINICAL_EXPERIENCE, PROFESSIONAL_MASTER_STOMATOLOGY }

/// <summary>
/// The exemption application form (FORM-05) the requester hands in at on-site confirmation, as base
/// staff key it in: the basis, the degree's major and specialty direction, the awarding institution and
/// country, years of clinical experience and the reduction requested.
/// </summary>
public sealed record ExemptionForm(
    ExemptionBasis Basis,
    string DegreeMajor,
    string? DegreeDirection,
    string? AwardingInstitution,
    string Country,
    int? ExperienceYears,
    int? RequestedMonths);

/// <summary>The requester's highest education as declared in the profile (EXM-02, EXM-03 judge it).</summary>
public sealed record HighestEducation(string Level, string DegreeType, string Major, string? Country, bool InProgress);
