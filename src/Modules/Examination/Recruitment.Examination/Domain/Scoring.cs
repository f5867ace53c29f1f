namespace Recruitment.Examination.Domain;

internal enum AssessmentResult { PASS, FAIL, ABSENT }

internal enum ExamComponent { WRITTEN, SKILL, INTERVIEW }

/// <summary>
/// How raw scores become the 100-point total for one cycle and track (EXAM-12..EXAM-14): raw maxima,
/// the written and interview weights (which must sum to 100), and an optional minimum total.
/// </summary>
internal sealed record ScoringRules(decimal TheoryMax, decimal SkillMax, decimal InterviewMax, decimal WrittenWeight,
    decimal InterviewWeight, decimal? MinTotalScore)
{
    /// <summary>Null when the rules are usable; otherwise why not (a HARD configuration check).</summary>
    public string? Problem() =>
        WrittenWeight + InterviewWeight != 100 ? $"written weight {WrittenWeight} + interview weight {InterviewWeight} must equal 100 (EXAM-12)"
        : TheoryMax <= 0 || SkillMax <= 0 || InterviewMax <= 0 ? "score maxima must be positive"
        : WrittenWeight < 0 || InterviewWeight < 0 ? "weights cannot be negative"
        : null;
}

/// <summary>One candidate's imported components (EXAM-09, EXAM-10).</summary>
internal sealed record Score(decimal? Theory, decimal? Skill, decimal? Interview, AssessmentResult Result,
    IReadOnlyList<ExamComponent> AbsentComponents, DateOnly? ExamDate)
{
    public bool SameAs(Score? other) =>
        other is not null && Theory == other.Theory && Skill == other.Skill && Interview == other.Interview && Result == other.Result
        && AbsentComponents.SequenceEqual(other.AbsentComponents) && ExamDate == other.ExamDate;
}

internal sealed record ScoreTotals(decimal Written, decimal Interview, decimal Total, bool Passed, bool Absent);

internal static class Scoring
{
    /// <summary>
    /// EXAM-12: written = theory / theoryMax x written weight; interview = (interview + skill) /
    /// (interviewMax + skillMax) x interview weight, or interview / interviewMax x weight without a
    /// skill score; total rounded half-up to 2 decimals. EXAM-13: passing means PASS (and the minimum
    /// total when the cycle sets one). An ABSENT candidate never passes (EXAM-06, EXAM-07).
    /// </summary>
    public static ScoreTotals Totals(Score s, ScoringRules rules)
    {
        var written = (s.Theory ?? 0) / rules.TheoryMax * rules.WrittenWeight;
        var interview = s.Skill is { } skill
            ? ((s.Interview ?? 0) + skill) / (rules.InterviewMax + rules.SkillMax) * rules.InterviewWeight
            : (s.Interview ?? 0) / rules.InterviewMax * rules.InterviewWeight;
        var total = Round(written + interview);
        var absent = s.Result == AssessmentResult.ABSENT;
        var passed = s.Result == AssessmentResult.PASS && (rules.MinTotalScore is not { } min || total >= min);
        return new ScoreTotals(Round(written), Round(interview), total, passed, absent);
    }

    public static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    /// <summary>A raw score as text: a decimal with at most 2 places within [0, max]; null when empty.</summary>
    public static (decimal? Value, string? Problem) Parse(string? text, decimal max, string name)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        if (!decimal.TryParse(text.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            return (null, $"{name} '{text}' is not a number");
        if (value.Scale > 2 && value != Math.Round(value, 2)) return (null, $"{name} {text} has more than 2 decimals");
        if (value < 0 || value > max) return (null, $"{name} {text} is outside 0..{max}");
        return (value, null);
    }
}
