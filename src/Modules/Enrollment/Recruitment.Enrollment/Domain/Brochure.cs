namespace Recruitment.Enrollment.Domain;

/// <summary>
/// A base's recruitment brochure for one cycle (ENR-04, ENR-05; the Att5 template, FORM-03): drafted by the base,
/// submitted to the center by <c>brochure.submitDeadline</c> and read-only from then on, public from
/// <c>brochure.visibleFrom</c>. Its specialty plan is the cycle's quota row for the base, never typed in again,
/// with the OTHER split (ENR-06) that the submission publishes and locks. Id = "{year}:{baseCode}".
/// </summary>
internal sealed class Brochure
{
    public string Id { get; set; } = "";
    public int Year { get; set; }
    public string BaseCode { get; set; } = "";
    public string? HospitalDescription { get; set; }
    public int? MonthlyStipendYuan { get; set; }
    public string? BenefitsDescription { get; set; }
    public string? HousingDescription { get; set; }
    /// <summary>The "two equal treatments" statement for independent trainees (003 Notice §3(2), Att5 §3).</summary>
    public string? EqualTreatmentDescription { get; set; }
    public List<BaseContact> Contacts { get; set; } = [];
    /// <summary>The OTHER split as drafted, until the submission publishes it as the base's <see cref="OtherSplit"/>.</summary>
    public List<OtherSplitItem> DraftSplit { get; set; } = [];
    public string DraftedBy { get; set; } = "";
    public DateTimeOffset DraftedAt { get; set; }
    public string? SubmittedBy { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    public static string IdFor(int year, string baseCode) => $"{year}:{baseCode}";

    /// <summary>Applicants see a submitted brochure from the cycle's visibleFrom on (ENR-04), never a draft.</summary>
    public bool IsPublishedAt(DateTimeOffset now, CycleCalendar calendar) => SubmittedAt is not null && now >= calendar.BrochureVisibleFrom;
}
