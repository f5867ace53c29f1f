using System.Diagnostics.CodeAnalysis;

namespace Recruitment.Enrollment.Domain;

public enum Gender { MALE, FEMALE }

[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum EducationLevel { JUNIOR_COLLEGE, BACHELOR, MASTER, DOCTORATE }

[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum EducationMode { FULL_TIME, ADULT }

public enum DegreeType { NONE, ACADEMIC, PROFESSIONAL }

[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum CertificateType { PHYSICIAN_QUALIFICATION, PRACTISING, ASSISTANT_PHYSICIAN_QUALIFICATION }

/// <summary>
/// The applicant's profile, three sections (ENR-10). A section may be saved half-filled; an
/// application is refused until every section is complete (<see cref="Missing"/> is empty).
/// </summary>
internal sealed record Profile(BasicInformation? Basic, IReadOnlyList<Certificate>? Certificates, IReadOnlyList<Education>? Education)
{
    public static readonly Profile Empty = new(null, null, null);

    /// <summary>What is still missing, as JSON paths a client can point at; empty when complete.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (Basic is null) missing.Add("basic");
        else missing.AddRange(Basic.Missing().Select(m => $"basic.{m}"));
        if (Certificates is null) missing.Add("certificates");
        else
            for (var i = 0; i < Certificates.Count; i++)
                missing.AddRange(Certificates[i].Missing().Select(m => $"certificates[{i}].{m}"));
        if (Education is null || Education.Count == 0) missing.Add("education");
        else
            for (var i = 0; i < Education.Count; i++)
                missing.AddRange(Education[i].Missing().Select(m => $"education[{i}].{m}"));
        return missing;
    }

    /// <summary>The list is ordered from first to highest education (ENR-33 wording), so the last entry is the highest.</summary>
    public Education? Highest => Education is { Count: > 0 } list ? list[^1] : null;

    public bool Holds(CertificateType type) => Certificates?.Any(c => c.Type == type) == true;

    public FreeStudent? FreeStudent => Basic?.FreeStudent;
}

public sealed record BasicInformation(
    Gender? Gender,
    DateOnly? BirthDate,
    string? Ethnicity,
    string? Email,
    string? Address,
    bool IsPovertyAlleviatedArea,
    FreeStudent? FreeStudent)
{
    public IEnumerable<string> Missing()
    {
        if (Gender is null) yield return "gender";
        if (BirthDate is null) yield return "birthDate";
        if (string.IsNullOrWhiteSpace(Ethnicity)) yield return "ethnicity";
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal)) yield return "email";
        if (string.IsNullOrWhiteSpace(Address)) yield return "address";
        if (FreeStudent is not null)
            foreach (var m in FreeStudent.Missing()) yield return $"freeStudent.{m}";
    }
}

/// <summary>A rural order-oriented free medical student (ENR-25, ENR-26, FORM-07).</summary>
public sealed record FreeStudent(EducationLevel? Level, string? DirectedEmployer, string? DirectedCounty, bool IsDefaulter)
{
    public IEnumerable<string> Missing()
    {
        if (Level is null) yield return "level";
        if (string.IsNullOrWhiteSpace(DirectedEmployer)) yield return "directedEmployer";
        if (string.IsNullOrWhiteSpace(DirectedCounty)) yield return "directedCounty";
    }
}

public sealed record Certificate(CertificateType? Type, string? Number, DateOnly? IssuedOn, string? PracticeLocation, string? PracticeScope)
{
    public IEnumerable<string> Missing()
    {
        if (Type is null) yield return "type";
        if (string.IsNullOrWhiteSpace(Number)) yield return "number";
        if (IssuedOn is null) yield return "issuedOn";
        if (Type == CertificateType.PRACTISING)
        {
            if (string.IsNullOrWhiteSpace(PracticeLocation)) yield return "practiceLocation";
            if (string.IsNullOrWhiteSpace(PracticeScope)) yield return "practiceScope";
        }
    }
}

/// <summary>One step of education; <see cref="InProgress"/> marks a programme the applicant is still enrolled in.</summary>
public sealed record Education(
    EducationLevel? Level,
    EducationMode? Mode,
    DegreeType? DegreeType,
    string? School,
    string? Major,
    string? Country,
    DateOnly? Start,
    DateOnly? End,
    bool InProgress,
    string? DiplomaCertNumber,
    string? DegreeCertNumber)
{
    public IEnumerable<string> Missing()
    {
        if (Level is null) yield return "level";
        if (Mode is null) yield return "mode";
        if (DegreeType is null) yield return "degreeType";
        if (string.IsNullOrWhiteSpace(School)) yield return "school";
        if (string.IsNullOrWhiteSpace(Major)) yield return "major";
        if (Start is null) yield return "start";
        if (!InProgress && End is null) yield return "end";
        if (!InProgress && string.IsNullOrWhiteSpace(DiplomaCertNumber)) yield return "diplomaCertNumber";
    }

    public bool IsAcademicPostgraduate => Level is EducationLevel.MASTER or EducationLevel.DOCTORATE && DegreeType == Domain.DegreeType.ACADEMIC;
}
