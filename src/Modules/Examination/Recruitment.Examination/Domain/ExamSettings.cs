namespace Recruitment.Examination.Domain;

/// <summary>Examination's per-cycle settings: the scoring rules of each track (EXAM-12..EXAM-14). Id = year.</summary>
internal sealed class ExamSettings
{
    public int Id { get; set; }
    public string Version { get; set; } = "";
    public Dictionary<Track, ScoringRules> Scoring { get; set; } = [];

    /// <summary>Written 60 + interview 40 on raw maxima of 100 and no minimum total, for both tracks (EXAM-01, EXAM-12..EXAM-14).</summary>
    public static ExamSettings Default(int year) => new()
    {
        Id = year,
        Version = "default",
        Scoring = Enum.GetValues<Track>().ToDictionary(t => t, _ => new ScoringRules(100, 100, 100, 60, 40, null)),
    };
}
