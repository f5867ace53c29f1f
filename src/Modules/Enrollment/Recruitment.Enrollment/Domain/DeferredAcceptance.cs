namespace Recruitment.Enrollment.Domain;

/// <summary>An applicant in a PHC round: their ordered acceptable cells and the exam scores every cell ranks them by.</summary>
internal sealed record RoundApplicant(Guid Id, decimal Total, decimal Interview, decimal Written, IReadOnlyList<string> Preferences);

internal sealed record BlockingPair(Guid ApplicantId, string CellId);

/// <summary>
/// The reallocation and supplementary allocation (ENR-53..ENR-56, beyond the seeds): applicant-proposing
/// deferred acceptance where every cell ranks applicants by the same priority — total, then interview,
/// then written score, then application id as the final, arbitrary but fixed tie-break (Decision), the order
/// of <see cref="Ranking"/>. With one common priority the outcome equals score-ordered serial dictatorship and
/// is stable: no applicant prefers a cell that has a vacancy or holds someone of lower priority. Pure
/// functions, no storage.
/// </summary>
/// <remarks>
/// Sized for a whole province in well under a second, and growing about linearly with the applicants
/// (docs/benchmarks.md, "Round allocation"): the ranking sorts one integer per applicant, the cells are
/// numbered once, and the proposals read flat arrays rather than objects spread over the heap.
/// </remarks>
internal static class DeferredAcceptance
{
    /// <summary>
    /// Deferred acceptance with the proposals made in priority order (<see cref="Rank"/>). A cell tentatively
    /// holds its best proposers up to its places and rejects the weakest beyond; every later proposer ranks
    /// below everyone a cell holds, so once a cell is full it rejects every later proposal and never has to
    /// release a holder. That is the same stable outcome as proposing in any other order (the unit tests
    /// compare it with serial dictatorship on random markets), with one pass over the proposals.
    /// </summary>
    public static IReadOnlyDictionary<Guid, string> Allocate(IReadOnlyList<RoundApplicant> applicants, IReadOnlyDictionary<string, int> vacancies)
    {
        var cells = new Cells(vacancies);
        // Every applicant's acceptable cells as cell numbers, in one array read in applicant order; the proposals
        // below jump from applicant to applicant in priority order and touch only these arrays.
        var (from, listed) = cells.Number(applicants);
        var assigned = new int[applicants.Count];
        var held = new int[cells.Count];
        var allocated = 0;
        foreach (var i in Rank(applicants))
        {
            assigned[i] = -1;
            for (var p = from[i]; p < from[i + 1]; p++)
            {
                var c = listed[p];
                if (held[c] >= cells.Places[c]) continue;
                held[c]++;
                assigned[i] = c;
                allocated++;
                break;
            }
        }

        var assignment = new Dictionary<Guid, string>(allocated);
        for (var i = 0; i < assigned.Length; i++)
            if (assigned[i] >= 0) assignment[applicants[i].Id] = cells.Names[assigned[i]];
        return assignment;
    }

    /// <summary>
    /// The applicants' positions in <paramref name="applicants"/>, strongest first by the common priority. Scores
    /// of at most two decimals (all that EXAM-12 produces) are sorted as one integer per applicant, which is
    /// several times faster than comparing three decimals; any other score falls back to comparing them.
    /// </summary>
    public static int[] Rank(IReadOnlyList<RoundApplicant> applicants)
    {
        var order = new int[applicants.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        var packed = new long[order.Length];
        var ids = new Guid[order.Length];
        for (var i = 0; i < packed.Length; i++)
        {
            if (Pack(applicants[i]) is not { } key)
            {
                Array.Sort(order, Comparer<int>.Create((x, y) => StrongestFirst.Instance.Compare(applicants[x], applicants[y])));
                return order;
            }
            packed[i] = key;
            ids[i] = applicants[i].Id;
        }
        Array.Sort(packed, order);
        // Exact ties on all three scores: the lower application id first.
        var byId = Comparer<int>.Create((x, y) => ids[x].CompareTo(ids[y]));
        for (int start = 0, end; start < packed.Length; start = end)
        {
            for (end = start + 1; end < packed.Length && packed[end] == packed[start];) end++;
            if (end - start > 1) Array.Sort(order, start, end - start, byId);
        }
        return order;
    }

    /// <summary>
    /// Total, interview and written in hundredths, 20 bits each, negated so that ascending order is strongest
    /// first; null when a score is negative, has more than two decimals or reaches 10,485.76.
    /// </summary>
    private static long? Pack(RoundApplicant a) =>
        Hundredths(a.Total) is { } t && Hundredths(a.Interview) is { } i && Hundredths(a.Written) is { } w ? -((t << 40) | (i << 20) | w) : null;

    private static long? Hundredths(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        // bits[0..2] are the 96-bit integer, bits[3] holds the sign and the scale (the power of ten it is divided by).
        if (bits[1] != 0 || bits[2] != 0 || bits[3] < 0 || value.Scale > 2) return null;
        var hundredths = (uint)bits[0] * (value.Scale == 0 ? 100L : value.Scale == 1 ? 10L : 1L);
        return hundredths < 1 << 20 ? hundredths : null;
    }

    /// <summary>
    /// The independent stability check published with every result: each applicant who prefers a cell over
    /// their own (or has none) while that cell has a vacancy or holds a lower-priority applicant. It trusts
    /// nothing of <see cref="Allocate"/> but the assignment it is given.
    /// </summary>
    public static IReadOnlyList<BlockingPair> BlockingPairs(IReadOnlyList<RoundApplicant> applicants, IReadOnlyDictionary<string, int> vacancies,
        IReadOnlyDictionary<Guid, string> assignment)
    {
        var cells = new Cells(vacancies);
        // Per cell: how many the assignment puts there, and the weakest of them among the applicants.
        var holders = new int[cells.Count];
        foreach (var cell in assignment.Values)
            if (cells.TryFind(cell, out var c)) holders[c]++;
        var own = new string?[applicants.Count];
        var weakest = new int[cells.Count];
        Array.Fill(weakest, -1);
        for (var i = 0; i < applicants.Count; i++)
        {
            if (!assignment.TryGetValue(applicants[i].Id, out own[i]) || !cells.TryFind(own[i]!, out var c)) continue;
            if (weakest[c] < 0 || StrongestFirst.Instance.Compare(applicants[i], applicants[weakest[c]]) > 0) weakest[c] = i;
        }

        var pairs = new List<BlockingPair>();
        for (var i = 0; i < applicants.Count; i++)
        {
            var applicant = applicants[i];
            var preferences = applicant.Preferences;
            for (var p = 0; p < preferences.Count; p++)
            {
                var preferred = preferences[p];
                if (preferred == own[i]) break;
                if (!cells.TryFind(preferred, out var c) || cells.Places[c] == 0) continue;
                if (holders[c] < cells.Places[c] || (weakest[c] >= 0 && StrongestFirst.Instance.Compare(applicant, applicants[weakest[c]]) < 0))
                    pairs.Add(new BlockingPair(applicant.Id, preferred));
            }
        }
        return pairs;
    }

    /// <summary>Higher total, interview, written first (<see cref="Ranking.Scores(decimal, decimal, decimal, decimal, decimal, decimal)"/>); the lower id wins an exact tie.</summary>
    private sealed class StrongestFirst : IComparer<RoundApplicant>
    {
        public static readonly StrongestFirst Instance = new();

        public int Compare(RoundApplicant? x, RoundApplicant? y)
        {
            var c = Ranking.Scores(x!.Total, x.Interview, x.Written, y!.Total, y.Interview, y.Written);
            return c != 0 ? c : x.Id.CompareTo(y.Id);
        }
    }

    /// <summary>The round's cells numbered 0..Count-1 with their places (a negative number of places counts as none).</summary>
    private sealed class Cells
    {
        private readonly Dictionary<string, int> _index;

        public Cells(IReadOnlyDictionary<string, int> vacancies)
        {
            _index = new Dictionary<string, int>(vacancies.Count);
            Places = new int[vacancies.Count];
            Names = new string[vacancies.Count];
            foreach (var (cell, places) in vacancies)
            {
                Places[_index.Count] = Math.Max(0, places);
                Names[_index.Count] = cell;
                _index.Add(cell, _index.Count);
            }
        }

        public int Count => Places.Length;
        public int[] Places { get; }
        public string[] Names { get; }

        public bool TryFind(string cell, out int index) => _index.TryGetValue(cell, out index);

        /// <summary>
        /// The applicants' preferences as cell numbers, in order, without the cells that have no places or are not
        /// in the round (nobody can be allocated there): applicant i's are <c>listed[from[i]..from[i + 1]]</c>.
        /// </summary>
        public (int[] From, int[] Listed) Number(IReadOnlyList<RoundApplicant> applicants)
        {
            var from = new int[applicants.Count + 1];
            var listed = new List<int>(applicants.Count * 3);
            for (var i = 0; i < applicants.Count; i++)
            {
                from[i] = listed.Count;
                var preferences = applicants[i].Preferences;
                for (var p = 0; p < preferences.Count; p++)
                    if (TryFind(preferences[p], out var c) && Places[c] > 0) listed.Add(c);
            }
            from[applicants.Count] = listed.Count;
            return (from, listed.ToArray());
        }
    }
}
