namespace Recruitment.Enrollment.Contracts;

/// <summary>
/// Asked by TrainingExemption when an applicant downloads the exemption application form (FORM-05) before on-site
/// confirmation (EXM-04): the form is filled in for the applied base and specialty, which only Enrollment knows until
/// the request reaches TrainingExemption. Answered in process; no state changes.
/// </summary>
public sealed record DescribeExemptionRequester(Guid ApplicantId);

/// <summary>The applicant's latest application of the recruitment programme, or none.</summary>
public sealed record ExemptionRequesterAnswer(ExemptionRequester? Requester);

/// <summary>What FORM-05 prints about the requester: identity, the applied base and specialty, the highest education.</summary>
public sealed record ExemptionRequester(
    Guid ApplicationId,
    int Year,
    Track Track,
    bool Active,
    string BaseCode,
    string BaseName,
    string SpecialtyCode,
    string? OtherSpecialty,
    string SpecialtyName,
    string Name,
    string? Gender,
    DateOnly? BirthDate,
    string DocumentNumber,
    string Mobile,
    HighestEducation? HighestEducation,
    string? HighestSchool,
    bool RequestsExemption);
