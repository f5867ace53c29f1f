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
    public static int Scores(ExamResult a, ExamResult b)
    {
        var c = b.Total.CompareTo(a.Total);
        if (c != 0) return c;
        c = b.InterviewPart.CompareTo(a.InterviewPart);
        return c != 0 ? c : b.Written.CompareTo(a.Written);
    }
}
