using Recruitment.Enrollment.Contracts;

namespace Recruitment.Examination.Domain;

/// <summary>Examination's per-cycle settings: the scoring rules of each track (EXAM-12..EXAM-14). Id = year.</summary>
internal sealed class ExamSettings
{
    public int Id { get; set; }
    public string Version { get; set; } = "";
    public Dictionary<Track, ScoringRules> Scoring { get; set; } = [];
}
