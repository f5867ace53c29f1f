namespace Recruitment.Enrollment.Domain;

internal sealed record AgpCandidate(Guid Id, decimal Total, decimal Written, decimal Interview, Category Category);

internal sealed record AgpRankingResult(IReadOnlyList<AgpCandidate> Ranked, IReadOnlyList<AgpCandidate> Admitted, IReadOnlyList<AgpCandidate> TiedAtCutoff,
    int Vacancies);

/// <summary>
/// Assistant-GP admission (ENR-48, ENR-49): passing candidates ranked by total, SPONSORED before
/// INDEPENDENT on equal totals, then written, then interview; admitted in order until the quota is full.
/// Candidates still exactly tied across the last place are not admitted automatically: they come back
/// in <see cref="AgpRankingResult.TiedAtCutoff"/> for a base decision. The quota is never exceeded.
/// </summary>
internal static class AssistantGpRanking
{
    public static AgpRankingResult Rank(IReadOnlyList<AgpCandidate> passing, int places)
    {
        var ranked = passing.OrderByDescending(c => c.Total)
            .ThenBy(c => c.Category == Category.SPONSORED ? 0 : 1)
            .ThenByDescending(c => c.Written)
            .ThenByDescending(c => c.Interview)
            .ThenBy(c => c.Id)
            .ToList();
        if (places <= 0) return new AgpRankingResult(ranked, [], [], 0);
        if (ranked.Count <= places) return new AgpRankingResult(ranked, ranked, [], places - ranked.Count);

        var last = ranked[places - 1];
        var tied = ranked.Where(c => SameRank(c, last)).ToList();
        if (tied.Count == 1 || !SameRank(ranked[places], last)) return new AgpRankingResult(ranked, ranked.Take(places).ToList(), [], 0);
        var clear = ranked.Take(places).Where(c => !SameRank(c, last)).ToList();
        return new AgpRankingResult(ranked, clear, tied, places - clear.Count);
    }

    private static bool SameRank(AgpCandidate a, AgpCandidate b) =>
        a.Total == b.Total && a.Category == b.Category && a.Written == b.Written && a.Interview == b.Interview;
}
