namespace Recruitment.AdvancedFellowship.Domain;

/// <summary>What a submission is, once every HARD rule has passed.</summary>
internal sealed record EligibleApplication(Position Position, PostType PostType, int DurationMonths, IReadOnlyList<string> Flags,
    IReadOnlyList<DocumentKind> RequiredDocuments);

/// <summary>
/// The fellowship's application rules (DOMAIN.md 7.3) as a pure function. A HARD rule refuses with a stable code
/// (400 for a malformed or incomplete form, 422 for a rule, nothing stored); a SOFT rule becomes a flag that the
/// Science &amp; Education Dept. must acknowledge with a reason before proposing (FEL-06).
/// </summary>
internal static partial class Eligibility
{
    /// <summary>FEL-06: older than the cycle's age limit (45) in full years on the submission date.</summary>
    public const string AgeOverLimit = "AGE_OVER_LIMIT";
    public const string WorkYearsAboveRow = "WORK_YEARS_ABOVE_ROW";

    [GeneratedRegex(@"^(0\d{2,3}-\d{7,8}|1\d{10})$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^\d{6}$")]
    private static partial Regex DivisionPattern();

    /// <summary>The 2-digit province part of a GB/T 2260 code for the Guangxi Zhuang Autonomous Region.</summary>
    public const string GuangxiProvinceCode = "45";

    public static EligibleApplication Check(FellowshipForm form, FellowshipCycle cycle, DateOnly birthDate, DateOnly submittedOn)
    {
        var missing = MissingFields(form);
        if (missing.Count > 0)
            throw new DomainException("application.form_incomplete",
                "Every field of the application form is mandatory (FEL-16); the fax, and a technician's physician certificates, excepted.",
                StatusCodes.Status400BadRequest, new Dictionary<string, object?> { ["missing"] = missing });

        var position = cycle.Find(form.PositionNo!.Value)
                       ?? throw Refuse("application.unknown_position", $"the {cycle.Id} table has no position row {form.PositionNo} (FEL-09)");
        var postType = form.PostType!.Value;
        if (!position.Offers(postType))
            throw Refuse("application.post_type_not_offered",
                $"row {position.No} ({position.DepartmentEn}) offers {string.Join(" and ", position.DurationMonths.Keys)} posts only (FEL-09)");
        var months = form.DurationMonths!.Value;
        if (position.Category == DepartmentCategory.MEDTECH && months > 12)
            throw Refuse("eligibility.medtech_duration_exceeded", "a medical-technology trainee trains within one year: at most 12 months (FEL-08)");
        if (position.Category == DepartmentCategory.CLINICAL && postType == PostType.PHYSICIAN && months < 12)
            throw Refuse("eligibility.clinical_duration_too_short", "a clinical-department fellow trains for one year or more (FEL-07)");
        if (position.DurationMonths[postType] != months)
            throw Refuse("application.duration_not_offered",
                $"row {position.No} trains {postType} posts for {position.DurationMonths[postType]} months (004 Table)");

        var unit = form.SendingUnit!;
        if (!PhonePattern().IsMatch(unit.Phone!.Trim()) || (!string.IsNullOrWhiteSpace(unit.Fax) && !PhonePattern().IsMatch(unit.Fax.Trim())))
            throw DomainException.Invalid("application.invalid_phone",
                "The unit's phone and fax numbers carry the area code, as 0AAA-NNNNNNN (0\\d{2,3}-\\d{7,8}), or are an 11-digit mobile (FEL-16).");
        if (!DivisionPattern().IsMatch(unit.DivisionCode!.Trim()))
            throw DomainException.Invalid("application.invalid_division_code", "sendingUnit.divisionCode is the unit's 6-digit administrative division code.");
        var dates = new[] { form.Education!.GraduatedOn, form.Title!.ObtainedOn, form.SpecialtyWorkStart };
        if (dates.Any(d => d > submittedOn))
            throw DomainException.Invalid("application.invalid_date", "Graduation, title and work-start dates cannot lie in the future.");

        if (!unit.DivisionCode.Trim().StartsWith(GuangxiProvinceCode, StringComparison.Ordinal))
            throw Refuse("eligibility.sending_unit_outside_guangxi", "the sending unit must be a medical institution in the Guangxi Zhuang Autonomous Region (FEL-04)");

        if (form.Education.Level < EducationLevel.BACHELOR)
            throw Refuse("eligibility.education_below_bachelor", "a bachelor's education or above is required (FEL-08, FEL-09)");

        var title = form.Title;
        if (postType == PostType.PHYSICIAN)
        {
            var titled = title.Level >= TitleLevel.INTERMEDIATE && title.Series == TitleSeries.PHYSICIAN;
            if (form.Residency!.Completed != true && !titled)
                throw Refuse("eligibility.title_or_residency_required",
                    "completed residency training, or an intermediate (attending) physician title or above, is required (FEL-05, FEL-07, FEL-09)");
        }
        else if (!(title.Level >= TitleLevel.INTERMEDIATE && title.Series == TitleSeries.TECHNICIAN
                   && title.Specialty is { } specialty && position.PracticeScopes.Contains(specialty)))
        {
            throw Refuse("eligibility.technician_title_required",
                $"a technician needs an intermediate technician title in the row's specialty ({string.Join(", ", position.PracticeScopes)}) (DOMAIN.md 7.2)");
        }

        var workYears = ChinaTime.FullYears(form.SpecialtyWorkStart!.Value, submittedOn);
        if (workYears < position.WorkYearsMin)
            throw Refuse("eligibility.work_years_out_of_range",
                $"row {position.No} asks for {position.WorkYearsMin}-{position.WorkYearsMax} full years of work; the form gives {workYears} (FEL-09)");
        if (position.Category == DepartmentCategory.MEDTECH && workYears < 3)
            throw Refuse("eligibility.medtech_work_years", $"a medical-technology trainee has worked three years or more in the specialty; the form gives {workYears} (FEL-08)");

        if (postType == PostType.PHYSICIAN)
        {
            var certificates = form.Certificates;
            var holdsBoth = certificates is not null && !string.IsNullOrWhiteSpace(certificates.QualificationNumber)
                            && !string.IsNullOrWhiteSpace(certificates.PractisingNumber)
                            && !string.IsNullOrWhiteSpace(certificates.PracticeLocation) && certificates.PracticeScope is not null;
            if (!holdsBoth)
                throw position.Category == DepartmentCategory.MEDTECH
                    ? Refuse("eligibility.medtech_certificates_required",
                        "a medical-technology trainee holds a physician qualification certificate and a practising certificate (FEL-08)")
                    : Refuse("eligibility.physician_certificates_required",
                        "a physician applies with the physician qualification and practising certificates, practice location and scope (FEL-13, FEL-15)");
            if (Normalise(certificates!.PracticeLocation!) != Normalise(unit.Name!))
                throw Refuse("eligibility.practice_location_mismatch",
                    "REJECTED_PRACTICE_LOCATION: the practice location on the practising certificate must be the sending unit (FEL-13)");
            if (!position.PracticeScopes.Contains(certificates.PracticeScope!.Value))
                throw Refuse("eligibility.practice_scope_mismatch",
                    $"REJECTED_PRACTICE_SCOPE: a practice scope of {certificates.PracticeScope} does not match {position.DepartmentEn} ({string.Join(", ", position.PracticeScopes)}) (FEL-13)");
        }

        var flags = new List<string>();
        if (ChinaTime.FullYears(birthDate, submittedOn) > cycle.AgeSoftLimit) flags.Add(AgeOverLimit);
        // FEL-09 (round 2): the upper bound is SOFT, the same rows invite attending physicians, who usually have worked longer.
        if (workYears > position.WorkYearsMax) flags.Add(WorkYearsAboveRow);
        return new EligibleApplication(position, postType, months, flags, RequiredDocuments(form, position, postType));
    }

    /// <summary>The uploads a submission needs: identity, education, title route, certificates, and what the row names (FEL-09, FEL-11).</summary>
    public static IReadOnlyList<DocumentKind> RequiredDocuments(FellowshipForm form, Position position, PostType postType)
    {
        var kinds = new List<DocumentKind> { DocumentKind.PHOTO, DocumentKind.ID_CARD, DocumentKind.DIPLOMA };
        if (form.Education?.Degree is { } degree && degree != DegreeLevel.NONE) kinds.Add(DocumentKind.DEGREE);
        if (form.Title?.Level is { } level && level != TitleLevel.NONE) kinds.Add(DocumentKind.TITLE_CERTIFICATE);
        if (form.Residency?.Completed == true) kinds.Add(DocumentKind.RESIDENCY_CERTIFICATE);
        if (postType == PostType.PHYSICIAN) kinds.AddRange([DocumentKind.PHYSICIAN_QUALIFICATION, DocumentKind.PRACTISING_CERTIFICATE]);
        kinds.AddRange(position.DocumentsFor(postType));
        return kinds.Distinct().ToList();
    }

    /// <summary>The mandatory fields left empty (FEL-16), as JSON paths of the form.</summary>
    public static IReadOnlyList<string> MissingFields(FellowshipForm f)
    {
        var missing = new List<string>();
        void Need(bool present, string field)
        {
            if (!present) missing.Add(field);
        }
        static bool Text(string? s) => !string.IsNullOrWhiteSpace(s);

        Need(f.PositionNo is not null, "positionNo");
        Need(f.PostType is not null, "postType");
        Need(f.DurationMonths is not null, "durationMonths");
        Need(f.Gender is not null, "gender");
        Need(f.Education is { Level: not null, Degree: not null, GraduatedOn: not null } e && Text(e.School) && Text(e.Major) && Text(e.DiplomaNumber),
            "education");
        var titled = f.Title?.Level is { } level && level != TitleLevel.NONE;
        Need(f.Title?.Level is not null && (!titled || f.Title is { Series: not null, ObtainedOn: not null } t && Text(t.Name) && Text(t.CertificateNumber)),
            "title");
        Need(f.Residency?.Completed is { } completed && (!completed || Text(f.Residency.CertificateNumber)), "residency");
        Need(Text(f.Specialty), "specialty");
        Need(f.SpecialtyWorkStart is not null, "specialtyWorkStart");
        Need(f.SendingUnit is { } u && Text(u.Name) && Text(u.Address) && Text(u.DivisionCode) && Text(u.Phone), "sendingUnit");
        Need(Text(f.ResearchExperience), "researchExperience");
        Need(f.ApplicantSigned, "applicantSigned");
        Need(Text(f.UnitOpinion), "unitOpinion");
        // FEL-05 (round 2): the sending unit's conduct attestation (a) and the good-health declaration (d) complete the form.
        Need(f.UnitAttestsConduct, "unitAttestsConduct");
        Need(f.DeclaresGoodHealth, "declaresGoodHealth");
        return missing;
    }

    /// <summary>Names compared as printed: case, spaces and punctuation (half or full width) do not count.</summary>
    internal static string Normalise(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Normalize(NormalizationForm.FormKC))
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToUpperInvariant(c));
        return sb.ToString();
    }

    private static DomainException Refuse(string code, string detail) => new(code, $"Refused: {detail}.");
}
