namespace Recruitment.Enrollment.Domain;

/// <summary>What base staff ticked for one checklist item at on-site confirmation.</summary>
internal sealed record ChecklistTick(string Code, bool OriginalSeen, bool CopyReceived);

/// <summary>One material the applicant must bring; which of original and copy the base must see.</summary>
internal sealed record ChecklistItem(string Code, string Label, bool OriginalRequired, bool CopyRequired)
{
    public bool IsSatisfiedBy(ChecklistTick? tick) =>
        tick is not null && (!OriginalRequired || tick.OriginalSeen) && (!CopyRequired || tick.CopyReceived);
}

/// <summary>
/// The on-site materials of ENR-33, computed from the applicant's own attributes: ID card, every
/// education and degree certificate from first to highest, the physician qualification certificate when
/// held, the contract and sealed employer consent for sponsored applicants (ENR-21; not for free
/// students, whose directed unit may not refuse: ENR-25), the exemption form, the free-student agreement.
/// </summary>
internal static class OnsiteChecklist
{
    public static IReadOnlyList<ChecklistItem> For(Application application, bool exemptionRequested)
    {
        var profile = application.Profile ?? Profile.Empty;
        var items = new List<ChecklistItem> { new("ID_CARD", "Resident ID card", true, true) };
        var education = profile.Education ?? [];
        for (var i = 0; i < education.Count; i++)
        {
            var e = education[i];
            if (e.InProgress) continue;
            items.Add(new($"DIPLOMA_{i + 1}", $"Education certificate: {e.Level} {e.School}", true, true));
            if (!string.IsNullOrWhiteSpace(e.DegreeCertNumber))
                items.Add(new($"DEGREE_{i + 1}", $"Degree certificate: {e.Level} {e.School}", true, true));
        }

        if (profile.Holds(CertificateType.PHYSICIAN_QUALIFICATION))
            items.Add(new("PHYSICIAN_QUALIFICATION", "Physician qualification certificate", true, true));
        if (application.Category == Category.SPONSORED)
        {
            items.Add(new("EMPLOYMENT_CONTRACT", "Employment or labour contract (copy)", false, true));
            if (!application.IsFreeStudent)
                items.Add(new("EMPLOYER_CONSENT", "Employer consent bearing the employer's seal", true, false));
        }

        if (exemptionRequested)
            items.Add(new("EXEMPTION_APPLICATION_FORM", "Exemption application form for the applied specialty", true, false));
        if (application.IsFreeStudent)
            items.Add(new("DIRECTED_EMPLOYMENT_AGREEMENT", "Directed employment agreement or directed-unit proof", true, false));
        return items;
    }

    public static IReadOnlyList<string> Missing(IReadOnlyList<ChecklistItem> required, IReadOnlyList<ChecklistTick> ticks) =>
        required.Where(item => !item.IsSatisfiedBy(ticks.FirstOrDefault(t => t.Code == item.Code))).Select(i => i.Code).ToList();
}
