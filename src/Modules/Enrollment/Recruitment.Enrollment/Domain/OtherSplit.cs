namespace Recruitment.Enrollment.Domain;

/// <summary>
/// How a base splits its OTHER quota cell among its remaining specialty bases (ENR-05, ENR-06), published
/// with its brochure. Id = "{year}:{baseCode}". Locked once submitted.
/// </summary>
internal sealed class OtherSplit
{
    public string Id { get; set; } = "";
    public int Year { get; set; }
    public string BaseCode { get; set; } = "";
    public List<OtherSplitItem> Items { get; set; } = [];
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset SubmittedAt { get; set; }

    public static string IdFor(int year, string baseCode) => $"{year}:{baseCode}";
}

/// <summary>One specialty base of an OTHER split; public because brochure commands carry it.</summary>
public sealed record OtherSplitItem(string Specialty, int Places);
