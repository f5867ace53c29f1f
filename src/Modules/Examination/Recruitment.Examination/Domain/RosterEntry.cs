namespace Recruitment.Examination.Domain;

internal enum RosterStatus { ROSTERED, WITHDRAWN, CANCELLED }

/// <summary>
/// A candidate on an exam roster (EXAM-04), Examination's own copy built from Enrollment's messages.
/// Id = the candidate (application) id. Only a ROSTERED entry may receive scores.
/// </summary>
internal sealed class RosterEntry
{
    public Guid Id { get; set; }
    /// <summary>The applicant's account, so they can read their own scores; null for on-site registrants.</summary>
    public Guid? ApplicantId { get; set; }
    public int Year { get; set; }
    public Track Track { get; set; }
    public string BaseCode { get; set; } = "";
    public string SpecialtyCode { get; set; } = "";
    public string? OtherSpecialty { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public bool ExemptionRequested { get; set; }
    public RosterStatus Status { get; set; }
    public DateTimeOffset RosteredAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }
    public string? RemovalReason { get; set; }

    public Score? Score { get; set; }
    public ScoreTotals? Totals { get; set; }
    /// <summary>Whether the score arrived inside a deadline extension (EXAM-11).</summary>
    public bool Late { get; set; }
    public Guid? ScoredByBatch { get; set; }
    public DateTimeOffset? ScoredAt { get; set; }
    /// <summary>Counts published versions of the score; Enrollment keeps the highest (EXAM-16 corrections).</summary>
    public int Revision { get; set; }
}
