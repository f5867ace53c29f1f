namespace Recruitment.Enrollment.Domain;

/// <summary>
/// The default order of candidates in a cell (ENR-46): total, then interview part, then written part,
/// all descending; the application id breaks exact ties so the order is stable.
/// </summary>
internal sealed class Ranking : IComparer<Application>
{
    public static readonly Ranking Instance = new();

    public int Compare(Application? x, Application? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x?.ExamResult is not { } a) return 1;
        if (y?.ExamResult is not { } b) return -1;
        var byScore = Scores(a, b);
        return byScore != 0 ? byScore : x.Id.CompareTo(y.Id);
    }

    /// <summary>Compares the scores only: 0 means an exact tie on every criterion.</summary>
    public static int Scores(ExamResult a, ExamResult b) => Scores(a.Total, a.InterviewPart, a.Written, b.Total, b.InterviewPart, b.Written);

    /// <summary>The same comparison on the three scores themselves (the round allocation ranks by them, DeferredAcceptance).</summary>
    public static int Scores(decimal totalA, decimal interviewA, decimal writtenA, decimal totalB, decimal interviewB, decimal writtenB)
    {
        var c = totalB.CompareTo(totalA);
        if (c != 0) return c;
        c = interviewB.CompareTo(interviewA);
        return c != 0 ? c : writtenB.CompareTo(writtenA);
    }
}
