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
    public List<Position> Positions { get; set; } = [];
}

internal sealed record IntakeBand(int Min, int Max);

internal enum DepartmentCategory { CLINICAL, MEDTECH }

internal enum PostType { PHYSICIAN, TECHNICIAN }

/// <summary>A row of the position table (004 Table); duration per post type (rehabilitation: physician 12, technician 6).</summary>
internal sealed record Position(
    int No, string DepartmentCode, string DepartmentEn, string DepartmentZh, DepartmentCategory Category,
    IReadOnlyDictionary<PostType, int> DurationMonths, int Quota, string TitleRequirement, string Education,
    int WorkYearsMin, int WorkYearsMax, string SpecialtyRequirement, string Direction);
