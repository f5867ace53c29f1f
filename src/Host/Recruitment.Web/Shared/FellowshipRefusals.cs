namespace Recruitment.Web.Shared;

/// <summary>
/// The fellowship's refusals by the server's stable code: the rule of DOMAIN.md section 7 each one applies, and whether
/// it is a HARD eligibility rule. The server's own detail (localised by Accept-Language, problems.json) says the rest.
/// </summary>
public static partial class FellowshipRefusals
{
    public static string? RuleOf(string? code) => code is not null && Rules.TryGetValue(code, out var rule) ? rule : null;

    /// <summary>
    /// The server's words split from the reason code some of them begin with (FEL-13's "REJECTED_PRACTICE_LOCATION: ...",
    /// DOMAIN.md): the words are for the reader, the reason code goes beside the rule.
    /// </summary>
    public static (string? Reason, string Words) Split(string message)
    {
        var match = ReasonPrefix().Match(message);
        return match.Success ? (match.Groups[1].Value, match.Groups[2].Value) : (null, message);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)\s*[:：]\s*(.+)$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex ReasonPrefix();

    private static readonly Dictionary<string, string> Rules = new(StringComparer.Ordinal)
    {
        ["application.form_incomplete"] = "FEL-16",
        ["application.unknown_position"] = "FEL-09",
        ["application.post_type_not_offered"] = "FEL-09",
        ["application.duration_not_offered"] = "FEL-09",
        ["application.invalid_phone"] = "FEL-16",
        ["application.invalid_division_code"] = "FEL-16",
        ["application.invalid_date"] = "FEL-16",
        ["application.documents_missing"] = "FEL-09, FEL-11",
        ["application.window_closed"] = "FEL-02",
        ["application.invalid_status"] = "FEL-27",
        ["eligibility.medtech_duration_exceeded"] = "FEL-08",
        ["eligibility.clinical_duration_too_short"] = "FEL-07",
        ["eligibility.sending_unit_outside_guangxi"] = "FEL-04",
        ["eligibility.education_below_bachelor"] = "FEL-08, FEL-09",
        ["eligibility.title_or_residency_required"] = "FEL-05, FEL-07, FEL-09",
        ["eligibility.technician_title_required"] = "FEL-09",
        ["eligibility.work_years_out_of_range"] = "FEL-09",
        ["eligibility.medtech_work_years"] = "FEL-08",
        ["eligibility.medtech_certificates_required"] = "FEL-08",
        ["eligibility.physician_certificates_required"] = "FEL-13, FEL-15",
        ["eligibility.practice_location_mismatch"] = "FEL-13",
        ["eligibility.practice_scope_mismatch"] = "FEL-13",
        ["quota.exhausted"] = "FEL-10",
        ["quota.transfer_exceeds_free_places"] = "FEL-10",
        ["quota.reason_required"] = "FEL-10",
        ["document.size_out_of_range"] = "FEL-11",
        ["document.unsupported_format"] = "FEL-11",
        ["document.frozen"] = "FEL-11",
        ["review.flags_unacknowledged"] = "FEL-06",
        ["review.specialty_not_verified"] = "FEL-09",
        ["review.intake_band_exceeded"] = "FEL-10",
        ["review.deadline_passed"] = "FEL-03",
        ["review.reason_required"] = "FEL-12",
        ["notice.deadline_passed"] = "FEL-03",
        ["notice.reason_required"] = "FEL-03",
        ["reporting.documents_incomplete"] = "FEL-15",
        ["reporting.before_reporting_date"] = "FEL-03",
        ["mentor.not_senior"] = "FEL-18",
        ["mentor.at_capacity"] = "FEL-18",
        ["mentor.already_assigned"] = "FEL-18",
        ["rotation.evaluation_required"] = "FEL-20",
        ["rotation.blocks_overlap"] = "FEL-20",
        ["rotation.gap"] = "FEL-20",
        ["rotation.duration_mismatch"] = "FEL-20",
        ["rotation.both_sites_required"] = "FEL-20",
        ["assessment.panel_incomplete"] = "FEL-23",
        ["assessment.too_early"] = "FEL-23",
        ["assessment.final_exists"] = "FEL-23",
        ["certificate.not_assessed"] = "FEL-24",
        ["certificate.unqualified"] = "FEL-24",
    };
}
