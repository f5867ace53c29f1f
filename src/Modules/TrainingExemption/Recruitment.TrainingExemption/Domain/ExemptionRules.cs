namespace Recruitment.TrainingExemption.Domain;

/// <summary>
/// Who may request an exemption and what a decision may say (EXM-01..EXM-04, EXM-10), as pure functions.
/// A refusal is a stable code and a reason; nothing here touches storage.
/// </summary>
internal static class ExemptionRules
{
    private static readonly string[] ClinicalMajors = ["Clinical Medicine", "临床医学"];
    private static readonly string[] StomatologyMajors = ["Stomatology", "口腔医学"];
    private static readonly string[] Domestic = ["CN", "CHN", "China", "中国"];

    public static ExemptionCheck Check(CheckExemptionRequest r, ExemptionCycle? cycle)
    {
        if (r.Track != Track.RESIDENCY)
            return Refuse("exemption.assistant_gp_excluded", "Assistant-GP trainees cannot request a training exemption (EXM-01, ENR-42).");
        if (cycle is null) return Refuse("exemption.unknown_cycle", $"No recruitment cycle {r.Year}.");
        if (r.At.IsPast(cycle.OnsiteConfirmationEnd))
            return Refuse("exemption.request_too_late", $"Requests are made at on-site confirmation, which ended {cycle.OnsiteConfirmationEnd:O} (EXM-04).");

        var form = r.Form;
        if (string.IsNullOrWhiteSpace(form.DegreeMajor) || string.IsNullOrWhiteSpace(form.Country))
            return Refuse("exemption.form_incomplete", "The exemption form names the degree major and the awarding country (FORM-05).");
        var education = r.HighestEducation;
        switch (form.Basis)
        {
            case ExemptionBasis.PROFESSIONAL_MASTER_CLINICAL or ExemptionBasis.PROFESSIONAL_MASTER_STOMATOLOGY:
                // ENR-29, EXM-02 (round 2): 「（含口腔医学）」 qualifies both degrees, so a stomatology professional master's qualifies too.
                if (education is not { Level: "MASTER", DegreeType: "PROFESSIONAL", InProgress: false }
                    || !IsOneOf(form.DegreeMajor, ClinicalMajors, StomatologyMajors))
                    return Refuse("exemption.basis_not_supported",
                        "This basis needs a completed professional master's degree in clinical medicine or stomatology (EXM-02).");
                break;
            case ExemptionBasis.DOCTORATE_CLINICAL or ExemptionBasis.DOCTORATE_STOMATOLOGY:
                if (education is not { Level: "DOCTORATE", InProgress: false })
                    return Refuse("exemption.basis_not_supported", "This basis needs a completed doctorate (EXM-02).");
                if (!IsOneOf(form.DegreeMajor, ClinicalMajors, StomatologyMajors))
                    return IsOneOf(form.Country, Domestic)
                        ? Refuse("exemption.basis_not_supported", "This basis needs a doctorate in clinical medicine or stomatology (EXM-02).")
                        : Refuse("exemption.foreign_non_clinical_doctorate",
                            "A foreign doctorate outside clinical medicine or stomatology does not qualify (EXM-03).");
                break;
            case ExemptionBasis.CLINICAL_EXPERIENCE:
                if (form.ExperienceYears is not > 0)
                    return Refuse("exemption.experience_required", "An experience-based request states the years of clinical work (EXM-02).");
                break;
        }

        // EXM-03(a): the degree's specialty direction must be the training specialty applied for.
        if (form.Basis != ExemptionBasis.CLINICAL_EXPERIENCE && !SameSpecialty(form.DegreeDirection, r.SpecialtyCode, r.OtherSpecialty, cycle))
            return Refuse("exemption.major_mismatch",
                $"The degree's specialty direction '{form.DegreeDirection}' differs from the training specialty applied for (EXM-03).");
        return new ExemptionCheck(null, null);
    }

    /// <summary>
    /// EXM-10: whole months, 0 &lt; months &lt; standard, a non-empty list of rotation departments (each once) summing to
    /// the months. <paramref name="isDepartment"/> answers from Rotation's catalogue (ROT-04), asked through its contract.
    /// </summary>
    public static Refusal? MonthsProblem(int months, IReadOnlyList<MakeUpItem>? items, ExemptionCycle cycle, Func<string, bool> isDepartment)
    {
        if (months <= 0 || months >= cycle.StandardResidencyMonths)
            return Refusal.Invalid("exemption.invalid_months",
                $"Approved months are whole months above 0 and below the standard {cycle.StandardResidencyMonths} (EXM-10).");
        if (items is null || items.Count == 0)
            return Refusal.Invalid("exemption.make_up_required", "The make-up content lists at least one rotation department (EXM-05, EXM-10).");
        if (items.Any(i => i is null || i.Months <= 0 || string.IsNullOrWhiteSpace(i.Department)))
            return Refusal.Invalid("exemption.invalid_make_up", "Each make-up item names a rotation department and at least 1 month.");
        var unknown = items.Where(i => !isDepartment(i.Department)).Select(i => i.Department).ToList();
        if (unknown.Count > 0)
            return new Refusal("exemption.unknown_department",
                $"Make-up items name rotation departments of Rotation's catalogue (GET /api/rotation/departments); unknown: {string.Join(", ", unknown)} (EXM-10, ROT-04).",
                StatusCodes.Status400BadRequest, new Dictionary<string, object?> { ["unknown"] = unknown });
        if (items.Select(i => i.Department.Trim().ToUpperInvariant()).Distinct().Count() != items.Count)
            return Refusal.Invalid("exemption.invalid_make_up", "Each rotation department appears once in the make-up content.");
        var sum = items.Sum(i => i.Months);
        if (sum != months)
            return Refusal.Invalid("exemption.months_mismatch", $"The make-up items sum to {sum} months, not the {months} approved (EXM-10).");
        return null;
    }

    /// <summary>The department codes items name, to ask Rotation about before <see cref="MonthsProblem"/> (blank ones are refused there).</summary>
    public static IReadOnlyList<string> Departments(IReadOnlyList<MakeUpItem>? items) =>
        items?.Where(i => i is not null && !string.IsNullOrWhiteSpace(i.Department)).Select(i => i.Department).Distinct().ToList() ?? [];

    public static IReadOnlyList<MakeUpItem> Normalise(IReadOnlyList<MakeUpItem> items) =>
        items.Select(i => new MakeUpItem(i.Department.Trim().ToUpperInvariant(), i.Months)).ToList();

    private static bool SameSpecialty(string? direction, string code, string? other, ExemptionCycle cycle)
    {
        if (string.IsNullOrWhiteSpace(direction)) return false;
        if (code == "OTHER") return Same(direction, other);
        var specialty = cycle.Specialties.FirstOrDefault(s => s.Code == code);
        return Same(direction, code) || (specialty is not null && (Same(direction, specialty.NameEn) || Same(direction, specialty.NameZh)));
    }

    private static bool IsOneOf(string? value, params string[][] lists) => lists.Any(list => list.Any(v => Same(v, value)));

    private static bool Same(string? a, string? b) => a is not null && b is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static ExemptionCheck Refuse(string code, string detail) => new(code, detail);
}
