namespace Recruitment.Notifications.Domain;

/// <summary>Notifications' own copy of an account: who it is, where to reach them (from Identity's AccountChanged).</summary>
internal sealed class Recipient
{
    public Guid Id { get; set; }
    public string Role { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? BaseCode { get; set; }
    public string? Email { get; set; }
    public string? Mobile { get; set; }
    public bool Disabled { get; set; }
    public long Version { get; set; }
}

/// <summary>Which applicant account an exam candidate (an application) belongs to, for result notifications.</summary>
internal sealed class CandidateOwner
{
    public Guid Id { get; set; }
    public Guid ApplicantId { get; set; }
}

/// <summary>A training base's names, from the published recruitment cycles, for messages that name the base.</summary>
internal sealed class BaseName
{
    public string Id { get; set; } = "";
    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";
}
