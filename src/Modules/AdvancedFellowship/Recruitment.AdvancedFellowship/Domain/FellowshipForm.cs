using System.Diagnostics.CodeAnalysis;

namespace Recruitment.AdvancedFellowship.Domain;

public enum Gender { MALE, FEMALE }

[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum EducationLevel { JUNIOR_COLLEGE, BACHELOR, MASTER, DOCTORATE }

public enum DegreeLevel { NONE, BACHELOR, MASTER, DOCTORATE }

/// <summary>Professional title levels: none, junior (住院医师/技师), intermediate (主治医师/主管技师), associate senior, senior.</summary>
[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum TitleLevel { NONE, JUNIOR, INTERMEDIATE, ASSOCIATE_SENIOR, SENIOR }

/// <summary>The title series: physicians (医师系列) or technicians (技师系列).</summary>
public enum TitleSeries { PHYSICIAN, TECHNICIAN }

/// <summary>
/// Practice scopes (执业范围) as printed on a physician practising certificate. Also used for the specialty of a
/// technician's title. Which scopes match a position row is reference data (<see cref="Position.PracticeScopes"/>).
/// </summary>
[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum PracticeScope
{
    INTERNAL_MEDICINE, SURGERY, OBSTETRICS_GYNAECOLOGY, PAEDIATRICS, EYE_ENT, DERMATOLOGY, PSYCHIATRY, OCCUPATIONAL_DISEASE,
    MEDICAL_IMAGING_RADIOTHERAPY, LABORATORY_PATHOLOGY, GENERAL_PRACTICE, EMERGENCY_MEDICINE, REHABILITATION_MEDICINE,
    PREVENTIVE_CARE, CRITICAL_CARE, ANESTHESIOLOGY,
}

/// <summary>Uploads that go with an application (FEL-11): the FORM-08 photo, identity, education, title, certificates.</summary>
internal enum DocumentKind
{
    PHOTO, ID_CARD, DIPLOMA, DEGREE, TITLE_CERTIFICATE, RESIDENCY_CERTIFICATE, PHYSICIAN_QUALIFICATION, PRACTISING_CERTIFICATE,
    ECMO_TRAINING, ENDOSCOPY_QUALIFICATION, REHABILITATION_QUALIFICATION, ANESTHESIA_TRAINING,
}

public sealed record EducationEntry(EducationLevel? Level, DegreeLevel? Degree, string? School, string? Major, DateOnly? GraduatedOn,
    string? DiplomaNumber);

public sealed record TitleEntry(TitleLevel? Level, TitleSeries? Series, PracticeScope? Specialty, string? Name, DateOnly? ObtainedOn,
    string? CertificateNumber);

public sealed record ResidencyEntry(bool? Completed, string? CertificateNumber);

/// <summary>The physician qualification and practising certificates, with the practice location and scope (FEL-13).</summary>
public sealed record PhysicianCertificates(string? QualificationNumber, string? PractisingNumber, string? PracticeLocation,
    PracticeScope? PracticeScope);

/// <summary>The sending unit (FEL-04, FEL-16); <see cref="DivisionCode"/> is its 6-digit administrative division code (GB/T 2260).</summary>
public sealed record SendingUnit(string? Name, string? Address, string? DivisionCode, string? Phone, string? Fax);

/// <summary>
/// FORM-08, the fellowship application form, as the applicant or their unit fills it in. Name, ID number, birth
/// date and mobile come from the account. Every field is mandatory on submission (FEL-16) except the fax and, for
/// technician posts, the physician certificates; a draft may be incomplete.
/// </summary>
public sealed record FellowshipForm(
    int? PositionNo,
    PostType? PostType,
    int? DurationMonths,
    Gender? Gender,
    EducationEntry? Education,
    TitleEntry? Title,
    ResidencyEntry? Residency,
    PhysicianCertificates? Certificates,
    string? Specialty,
    DateOnly? SpecialtyWorkStart,
    SendingUnit? SendingUnit,
    string? ResearchExperience,
    bool ApplicantSigned,
    string? UnitOpinion,
    bool UnitAttestsConduct,
    bool DeclaresGoodHealth);
