using System.Diagnostics.CodeAnalysis;

namespace Recruitment.AdvancedFellowship.Domain;

/// <summary>One annual cycle of the 2024-2026 programme (FEL-01): calendar, intake band, grants and position table.</summary>
internal sealed class FellowshipCycle
{
    public int Id { get; set; }
    public string Version { get; set; } = "";
    public DateTimeOffset ApplicationOpen { get; set; }
    /// <summary>Not in the seed: configured, and validated open &lt; close &lt; notice deadline.</summary>
    public DateTimeOffset ApplicationClose { get; set; }
    public DateTimeOffset AdmissionNoticeDeadline { get; set; }
    public DateOnly DefaultReportingDate { get; set; }
    public IntakeBand IntakeBand { get; set; } = new(0, 0);
    public decimal SelfRaisedGrantCny { get; set; }
    public decimal FundedMatchRatio { get; set; }
    public decimal? FundedMatchCapCny { get; set; }
    public string? NoticeGroup { get; set; }
    /// <summary>FEL-06: above this age (full years at submission) an application is flagged, not refused.</summary>
    public int AgeSoftLimit { get; set; } = 45;
    /// <summary>FEL-18: fellows one mentor supervises at a time (one-to-one by default).</summary>
    public int MentorMaxFellows { get; set; } = 1;
    /// <summary>FEL-18: "senior" means this title or above.</summary>
    public MentorTitle MentorMinimumTitle { get; set; } = MentorTitle.ASSOCIATE_CHIEF;
    /// <summary>Who last changed the cycle: the shipped file, or the fellowship admin.</summary>
    public string UpdatedBy { get; set; } = "";
    public List<Position> Positions { get; set; } = [];

    public int TotalQuota => Positions.Sum(p => p.Quota);

    public Position? Find(int positionNo) => Positions.FirstOrDefault(p => p.No == positionNo);

    /// <summary>FEL-02: from open (inclusive) to close (inclusive, DATE-CONV).</summary>
    public bool ApplicationIsOpen(DateTimeOffset now) => now >= ApplicationOpen && now <= ApplicationClose;

    /// <summary>Every reason this cycle cannot be used; empty when it is consistent.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Id < 2000 || Id > 9999) problems.Add("year must have four digits");
        if (!(ApplicationOpen < ApplicationClose && ApplicationClose < AdmissionNoticeDeadline))
            problems.Add("the calendar must satisfy applicationOpen < applicationClose < admissionNoticeDeadline");
        if (ChinaTime.Date(ApplicationOpen).Year != Id) problems.Add("applications must open in the cycle's year");
        if (DefaultReportingDate <= ChinaTime.Date(AdmissionNoticeDeadline)) problems.Add("the default reporting date must follow the admission notice deadline");
        if (IntakeBand.Min < 0 || IntakeBand.Min > IntakeBand.Max) problems.Add("intakeBand must satisfy 0 <= min <= max");
        if (SelfRaisedGrantCny <= 0) problems.Add("selfRaisedGrantCny must be positive");
        if (FundedMatchRatio <= 0) problems.Add("fundedMatchRatio must be positive");
        if (FundedMatchCapCny is <= 0) problems.Add("fundedMatchCapCny, when set, must be positive");
        if (AgeSoftLimit is < 18 or > 70) problems.Add("ageSoftLimit must lie between 18 and 70");
        if (MentorMaxFellows < 1) problems.Add("mentorMaxFellows must be at least 1");
        if (Positions.Count == 0) problems.Add("a cycle has at least one position row");
        foreach (var duplicate in Positions.GroupBy(p => p.No).Where(g => g.Count() > 1))
            problems.Add($"position {duplicate.Key} appears more than once");
        foreach (var duplicate in Positions.GroupBy(p => p.DepartmentCode).Where(g => g.Count() > 1))
            problems.Add($"department {duplicate.Key} appears more than once");
        foreach (var p in Positions) problems.AddRange(p.Problems().Select(x => $"position {p.No}: {x}"));
        return problems;
    }
}

internal sealed record IntakeBand(int Min, int Max);

internal enum DepartmentCategory { CLINICAL, MEDTECH }

public enum PostType { PHYSICIAN, TECHNICIAN }

/// <summary>Mentor titles in rising order (FEL-18).</summary>
[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum MentorTitle { ATTENDING, ASSOCIATE_CHIEF, CHIEF }

/// <summary>A document a row asks to be uploaded for one post type, or for every post type when <see cref="PostType"/> is null.</summary>
internal sealed record RequiredDocument(DocumentKind Kind, PostType? PostType);

/// <summary>
/// A row of the position table (004 Table); duration per post type (rehabilitation: physician 12, technician 6).
/// <see cref="PracticeScopes"/> are the practising-certificate scopes that match the row's specialty (FEL-13), and
/// <see cref="RequiredDocuments"/> the certificates its specialty requirement names (FEL-09).
/// </summary>
internal sealed record Position(
    int No, string DepartmentCode, string DepartmentEn, string DepartmentZh, DepartmentCategory Category,
    IReadOnlyDictionary<PostType, int> DurationMonths, int Quota, string TitleRequirement, string Education,
    int WorkYearsMin, int WorkYearsMax, string SpecialtyRequirement, string Direction,
    IReadOnlyList<PracticeScope> PracticeScopes, IReadOnlyList<RequiredDocument> RequiredDocuments)
{
    public bool Offers(PostType postType) => DurationMonths.ContainsKey(postType);

    public IEnumerable<DocumentKind> DocumentsFor(PostType postType) =>
        RequiredDocuments.Where(d => d.PostType is null || d.PostType == postType).Select(d => d.Kind);

    public IEnumerable<string> Problems()
    {
        if (No < 1) yield return "no must be positive";
        if (string.IsNullOrWhiteSpace(DepartmentCode)) yield return "departmentCode is required";
        if (string.IsNullOrWhiteSpace(DepartmentEn) || string.IsNullOrWhiteSpace(DepartmentZh)) yield return "department names are required";
        if (Quota < 0) yield return "quota cannot be negative";
        if (DurationMonths.Count == 0) yield return "at least one post type with its duration";
        if (WorkYearsMin < 0 || WorkYearsMin > WorkYearsMax) yield return "work years must satisfy 0 <= min <= max";
        if (PracticeScopes.Count == 0)
            yield return "practiceScopes: the practice scopes (physicians) or title specialties (technicians) matching the row (FEL-13)";
        foreach (var (postType, months) in DurationMonths)
        {
            if (months < 1) yield return $"{postType} duration must be positive";
            // FEL-08: medical-technology trainees train within one year; FEL-07: clinical fellows (physicians) a year or more.
            if (Category == DepartmentCategory.MEDTECH && months > 12) yield return $"{postType}: a medical-technology post lasts at most 12 months (FEL-08)";
            if (Category == DepartmentCategory.CLINICAL && postType == PostType.PHYSICIAN && months < 12)
                yield return "a clinical physician post lasts at least 12 months (FEL-07)";
        }
        foreach (var d in RequiredDocuments.Where(d => d.PostType is { } t && !Offers(t)))
            yield return $"document {d.Kind} is required of {d.PostType}, a post type the row does not offer";
    }
}
