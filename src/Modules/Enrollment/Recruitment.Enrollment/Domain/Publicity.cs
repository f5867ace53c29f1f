namespace Recruitment.Enrollment.Domain;

/// <summary>
/// One publicised list of proposed admissions (ENR-57): it starts when published and ends after the
/// cycle's publicity duration (72 h). Objections are accepted only inside it (ENR-58).
/// </summary>
internal sealed class Publicity
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string PublishedBy { get; set; } = "";
    public List<PublicityEntry> Entries { get; set; } = [];
    public bool Ended { get; set; }
}

/// <summary>What the public list shows: name, base, specialty, track. Never ID numbers or phones.</summary>
internal sealed record PublicityEntry(Guid ApplicationId, string Name, string BaseCode, string SpecialtyCode, string? OtherSpecialty, string Track);

/// <summary>An objection lodged during publicity (ENR-58); the PHC resolves it.</summary>
internal sealed class Objection
{
    public Guid Id { get; set; }
    public Guid ApplicationId { get; set; }
    public Guid PublicityId { get; set; }
    public string Text { get; set; } = "";
    public string LodgedBy { get; set; } = "";
    public DateTimeOffset LodgedAt { get; set; }
    public string? Outcome { get; set; }
    public string? Reason { get; set; }
    public string? ResolvedBy { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
}
