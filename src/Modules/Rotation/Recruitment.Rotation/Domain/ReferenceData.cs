namespace Recruitment.Rotation.Domain;

/// <summary>A department a rotation block may name (SAMPLE catalogue, ReferenceData/departments.json). Id = the code.</summary>
internal sealed class Department
{
    public string Id { get; set; } = "";
    public string NameEn { get; set; } = "";
    public string NameZh { get; set; } = "";
}

public sealed record TemplateItem(string Department, int Months, int MinBlockMonths);

/// <summary>
/// The departments and months a specialty's (or the assistant-GP track's) standard rotation covers, summing to
/// the standard duration (ROT-10, ROT-11). Shipped as SAMPLE data, replaced by the center's upload. Id = the
/// specialty code (GP, PED, ..., OTHER, ASSISTANT_GP).
/// </summary>
internal sealed class RotationTemplate
{
    public const string AssistantGp = "ASSISTANT_GP";
    public const string Other = "OTHER";

    public string Id { get; set; } = "";
    public string Track { get; set; } = "RESIDENCY";
    public string NameEn { get; set; } = "";
    public string NameZh { get; set; } = "";
    public List<TemplateItem> Items { get; set; } = [];
    public int TotalMonths { get; set; }
    /// <summary>SAMPLE (shipped) or UPLOADED (by the center).</summary>
    public string Source { get; set; } = "SAMPLE";
    public string? UploadedBy { get; set; }
    public DateTimeOffset? UploadedAt { get; set; }
}

/// <summary>How many trainees each department of a base hosts per month. Id = the base code.</summary>
internal sealed class BaseCapacity
{
    public string Id { get; set; } = "";
    public Dictionary<string, int> PerMonth { get; set; } = [];
    public string UpdatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
