namespace Recruitment.Enrollment.Domain;

/// <summary>
/// Att3, the assistant-GP registration form (FORM-01), as B07 staff key it in on site (ENR-38).
/// </summary>
internal sealed record AssistantGpForm(
    Gender? Gender,
    string? Ethnicity,
    string? BirthMonth,
    string? PoliticalAffiliation,
    string? HukouLocation,
    string? MaritalStatus,
    string? HealthStatus,
    string? Email,
    string? Landline,
    string? MailingAddress,
    string? PostalCode,
    string? AssistantPhysicianCertNumber,
    IReadOnlyList<AssistantGpEducation>? Education,
    IReadOnlyList<ClinicalExperience>? ClinicalExperience,
    string? ForeignLanguage,
    Category? Category,
    string? EmployerName,
    bool EmployerIsRuralGrassroots,
    bool EmployerConsentSealed,
    FreeStudent? FreeStudent,
    bool IsPovertyAlleviatedArea,
    bool ApplicantSigned,
    bool Declaration)
{
    /// <summary>Assistant-GP training has no specialty choice; rosters and quotas know it by this code.</summary>
    public const string SpecialtyCode = "AGP";

    public AssistantGpEducation? Highest => Education is { Count: > 0 } list ? list[^1] : null;

    /// <summary>Required Att3 fields left empty, as JSON paths.</summary>
    public IReadOnlyList<string> Missing()
    {
        var missing = new List<string>();
        if (Gender is null) missing.Add("gender");
        if (string.IsNullOrWhiteSpace(Ethnicity)) missing.Add("ethnicity");
        if (string.IsNullOrWhiteSpace(BirthMonth)) missing.Add("birthMonth");
        if (string.IsNullOrWhiteSpace(MailingAddress)) missing.Add("mailingAddress");
        if (Category is null) missing.Add("category");
        if (Education is not { Count: > 0 }) missing.Add("education");
        return missing;
    }
}

internal sealed record AssistantGpEducation(EducationLevel Level, EducationMode Mode, string School, string Major, DateOnly Start, DateOnly End);

internal sealed record ClinicalExperience(string Hospital, string? HospitalGrade, string Department, DateOnly Start, DateOnly? End,
    string? Position, string? ReferencePerson);
