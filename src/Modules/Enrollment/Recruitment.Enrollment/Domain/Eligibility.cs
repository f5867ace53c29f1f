namespace Recruitment.Enrollment.Domain;

/// <summary>A cycle's eligibility settings (ENR-18, ENR-23), configured with the cycle, never code constants.</summary>
internal sealed record EligibilitySettings(bool ExcludeAcademicDegree, IReadOnlyList<string> EligibleMajors);

/// <summary>
/// The eligibility rules of DOMAIN.md 3.3 and 3.5 as pure functions. A HARD rule refuses with a stable
/// code (422, nothing stored); a SOFT rule returns a flag the reviewing base sees.
/// </summary>
internal static class Eligibility
{
    public const string Other = "OTHER";
    public const string GeneralPractice = "GP";

    public static IReadOnlyList<string> Residency(ApplicationChoice c, Profile profile, RecruitmentCycle cycle, OtherSplit? split)
    {
        if (!c.Declaration) throw Refuse("eligibility.declaration_required", "the general declaration must be accepted (ENR-17)");
        var cell = cycle.Quotas.FirstOrDefault(q => q.BaseCode == c.BaseCode && q.SpecialtyCode == c.SpecialtyCode)
                   ?? throw DomainException.Invalid("application.unknown_cell",
                       $"{c.BaseCode}/{c.SpecialtyCode} is not a base and specialty of the {cycle.Id} cycle.");
        if (cell.Places is null)
            throw Refuse("application.cell_not_offered", $"{c.BaseCode} does not recruit {c.SpecialtyCode} in {cycle.Id} (\"/\" in the quota table, ENR-03)");
        if (c.SpecialtyCode == Other) RequireOfferedOther(c, split);

        var missing = profile.Missing();
        if (missing.Count > 0)
            throw new DomainException("application.profile_incomplete",
                "Every item of the three profile sections must be complete before applying (ENR-10).",
                extensions: new Dictionary<string, object?> { ["missing"] = missing });
        var education = profile.Education!;
        var highest = education[^1];

        if (cycle.Eligibility.ExcludeAcademicDegree && education.Any(e => e.IsAcademicPostgraduate && (e.InProgress || e == highest)))
            throw Refuse("eligibility.academic_degree_excluded", "academic-degree postgraduates are outside residency recruitment (ENR-23)");

        if (profile.FreeStudent is { } free)
        {
            if (free.IsDefaulter) throw Refuse("eligibility.free_student_defaulter", "free students who defaulted on their agreement are refused (ENR-25)");
            if (free.Level == EducationLevel.JUNIOR_COLLEGE)
                throw Refuse("eligibility.free_student_assistant_gp_only", "junior-college free students train as assistant GPs, not residents (ENR-26)");
            if (c.SpecialtyCode != GeneralPractice)
                throw Refuse("eligibility.free_student_gp_only", "free students register for General Practice only (ENR-25)");
            if (c.Category != Category.SPONSORED)
                throw Refuse("eligibility.free_student_sponsored_only", "free students are sponsored by their directed unit (ENR-25)");
        }

        if (highest is { Level: EducationLevel.BACHELOR, Mode: EducationMode.ADULT }
            && (c.Category != Category.SPONSORED || !profile.Holds(CertificateType.PRACTISING)))
            throw Refuse("eligibility.adult_bachelor_requires_sponsored_practising",
                "an adult-education bachelor must apply as SPONSORED and hold a physician practising certificate (ENR-24)");

        var qualifying = education.Where(e => !e.InProgress && e.Level >= EducationLevel.BACHELOR && e.Mode == EducationMode.FULL_TIME
                                              && IsEligibleMajor(e.Major, cycle.Eligibility)).ToList();
        var practising = profile.Holds(CertificateType.PHYSICIAN_QUALIFICATION) || profile.Holds(CertificateType.PRACTISING);
        if (qualifying.Count == 0 && !practising)
            throw Refuse("eligibility.education_not_qualifying",
                "a full-time bachelor's degree or above in a clinical or stomatology major, or a physician qualification certificate, is required (ENR-18)");

        switch (c.Category)
        {
            case Category.SPONSORED:
                if (string.IsNullOrWhiteSpace(c.EmployerName))
                    throw Refuse("eligibility.employer_required", "a sponsored applicant names the employer that entrusts the training (ENR-21)");
                if (profile.FreeStudent is null && !SameSpecialty(c))
                    throw Refuse("eligibility.sponsored_specialty_mismatch",
                        "a sponsored applicant applies for the specialty they practise at their employer (ENR-27)");
                break;
            case Category.INDEPENDENT:
                if (!c.DeclaresNoEmployment)
                    throw Refuse("eligibility.independent_declaration_required", "an independent applicant declares having no employment contract (ENR-22)");
                if (!c.AcceptsReallocation)
                    throw Refuse("eligibility.reallocation_acceptance_required", "an independent applicant must accept specialty reallocation (ENR-28)");
                break;
        }

        var flags = new List<string>();
        if (qualifying.Count > 0 && qualifying.All(e => string.IsNullOrWhiteSpace(e.DegreeCertNumber)))
            flags.Add("DEGREE_CERT_MISSING"); // ENR-19, SOFT: the base decides
        return flags;
    }

    public static IReadOnlyList<string> AssistantGp(AssistantGpForm form)
    {
        if (!form.Declaration) throw Refuse("eligibility.declaration_required", "the general declaration must be accepted (ENR-17)");
        if (!form.ApplicantSigned) throw Refuse("agp.signature_required", "the Att3 form must carry the applicant's signature (FORM-01)");
        if (form.Missing() is { Count: > 0 } missing)
            throw new DomainException("agp.form_incomplete", "Required Att3 fields are missing (FORM-01).", StatusCodes.Status400BadRequest,
                new Dictionary<string, object?> { ["missing"] = missing });
        if (form.FreeStudent is { } free)
        {
            if (free.IsDefaulter) throw Refuse("eligibility.free_student_defaulter", "free students who defaulted on their agreement are refused (ENR-26)");
            if (free.Level != EducationLevel.JUNIOR_COLLEGE)
                throw Refuse("eligibility.free_student_residency_only", "bachelor-level free students train as GP residents, not assistant GPs (ENR-26)");
        }

        if (form.Category == Category.SPONSORED && (string.IsNullOrWhiteSpace(form.EmployerName) || !form.EmployerConsentSealed))
            throw Refuse("agp.employer_consent_required",
                "a sponsored registrant needs the employer's signed and sealed opinion on the Att3 form (ENR-39)");
        if (form.Category == Category.INDEPENDENT && !string.IsNullOrWhiteSpace(form.EmployerName))
            throw DomainException.Invalid("agp.employer_not_expected", "an independent registrant has no employer (FORM-02).");

        var flags = new List<string>();
        if (form.Highest is not { Level: EducationLevel.JUNIOR_COLLEGE, Mode: EducationMode.FULL_TIME })
            flags.Add("NOT_TARGET_EDUCATION"); // ENR-36, SOFT: "mainly" junior-college graduates
        if (form.Category == Category.SPONSORED && !form.EmployerIsRuralGrassroots)
            flags.Add("EMPLOYER_NOT_RURAL_GRASSROOTS"); // ENR-37
        return flags;
    }

    private static void RequireOfferedOther(ApplicationChoice c, OtherSplit? split)
    {
        if (string.IsNullOrWhiteSpace(c.OtherSpecialty))
            throw DomainException.Invalid("application.other_specialty_required", "an OTHER application names the specialty base (ENR-06).");
        if (split is null)
            throw Refuse("application.other_split_pending", $"{c.BaseCode} has not published how it splits its OTHER places (ENR-06)");
        if (!split.Items.Any(i => Same(i.Specialty, c.OtherSpecialty) && i.Places > 0))
            throw Refuse("application.other_specialty_not_offered", $"{c.BaseCode} offers no OTHER places in {c.OtherSpecialty} (ENR-06)");
    }

    private static bool SameSpecialty(ApplicationChoice c) =>
        c.SpecialtyCode == Other ? Same(c.CurrentSpecialty, c.OtherSpecialty) : Same(c.CurrentSpecialty, c.SpecialtyCode);

    private static bool IsEligibleMajor(string? major, EligibilitySettings settings) => settings.EligibleMajors.Any(m => Same(m, major));

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static DomainException Refuse(string code, string detail) => new(code, char.ToUpperInvariant(detail[0]) + detail[1..] + ".");
}
