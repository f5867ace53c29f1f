namespace Recruitment.Enrollment.Domain;

/// <summary>
/// How a base splits its OTHER quota cell among its remaining specialty bases (ENR-05, ENR-06), published
/// with its brochure. Id = "{year}:{baseCode}". Locked once submitted; only the PHC unlocks it, with a reason, and the
/// base's next publication locks it again (ENR-06). <see cref="History"/> is the audit of both.
/// </summary>
internal sealed class OtherSplit
{
    public string Id { get; set; } = "";
    public int Year { get; set; }
    public string BaseCode { get; set; } = "";
    public List<OtherSplitItem> Items { get; set; } = [];
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }
    /// <summary>Set while the PHC's unlock (ENR-06) waits for the base to publish a corrected split.</summary>
    public DateTimeOffset? UnlockedAt { get; set; }
    public List<OtherSplitChange> History { get; set; } = [];

    public bool IsLocked => UnlockedAt is null;

    public static string IdFor(int year, string baseCode) => $"{year}:{baseCode}";
}

/// <summary>One audit entry of a split (ENR-06): PUBLISHED, UNLOCKED (by the PHC, with its reason) or REPUBLISHED.</summary>
internal sealed record OtherSplitChange(string Action, string Actor, DateTimeOffset At, string? Reason, IReadOnlyList<OtherSplitItem> Items);

/// <summary>One specialty base of an OTHER split; public because brochure commands carry it.</summary>
public sealed record OtherSplitItem(string Specialty, int Places);
