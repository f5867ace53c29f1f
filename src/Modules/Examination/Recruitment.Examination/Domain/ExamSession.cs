namespace Recruitment.Examination.Domain;

public enum SessionKind { WRITTEN, INTERVIEW }

/// <summary>
/// A published exam sitting (ENR-07, EXAM-02, EXAM-03, EXAM-05): the province's written exam, a base's
/// interviews, or B07's assistant-GP written exam and interview. Public, like the printed notice.
/// </summary>
public sealed class ExamSession
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public Track Track { get; set; }
    public SessionKind Kind { get; set; }
    /// <summary>Null for the province's residency written exam.</summary>
    public string? BaseCode { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public string Place { get; set; } = "";
    public string? Notes { get; set; }
    public string PublishedBy { get; set; } = "";
    public DateTimeOffset PublishedAt { get; set; }
}
