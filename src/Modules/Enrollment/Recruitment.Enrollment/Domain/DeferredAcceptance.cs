namespace Recruitment.Enrollment.Domain;

/// <summary>An applicant in a PHC round: their ordered acceptable cells and the exam scores every cell ranks them by.</summary>
internal sealed record RoundApplicant(Guid Id, decimal Total, decimal Interview, decimal Written, IReadOnlyList<string> Preferences);

internal sealed record BlockingPair(Guid ApplicantId, string CellId);

/// <summary>
/// The reallocation and supplementary allocation (ENR-53..ENR-56, beyond the seeds): applicant-proposing
/// deferred acceptance where every cell ranks applicants by the same priority — total, then interview,
/// then written score, then application id as the final, arbitrary but fixed tie-break (Decision). With one
/// common priority the outcome equals score-ordered serial dictatorship and is stable: no applicant prefers a
/// cell that has a vacancy or holds someone of lower priority. Pure functions, no storage.
/// </summary>
internal static class DeferredAcceptance
{
    public static IReadOnlyDictionary<Guid, string> Allocate(IReadOnlyList<RoundApplicant> applicants, IReadOnlyDictionary<string, int> vacancies)
    {
        var next = new int[applicants.Count];
        var held = vacancies.Keys.ToDictionary(c => c, _ => new PriorityQueue<int, RoundApplicant>(Priority.Weakest));
        var free = new Stack<int>(Enumerable.Range(0, applicants.Count).Reverse());
        var assignment = new Dictionary<Guid, string>();
        while (free.TryPop(out var i))
        {
            var applicant = applicants[i];
            while (next[i] < applicant.Preferences.Count)
            {
                var cell = applicant.Preferences[next[i]++];
                if (!held.TryGetValue(cell, out var queue) || vacancies[cell] == 0) continue;
                if (queue.Count < vacancies[cell])
                {
                    queue.Enqueue(i, applicant);
                    assignment[applicant.Id] = cell;
                    break;
                }

                queue.TryPeek(out var weakest, out var weakestApplicant);
                if (Priority.Weakest.Compare(applicant, weakestApplicant!) <= 0) continue;
                queue.DequeueEnqueue(i, applicant);
                assignment[applicant.Id] = cell;
                assignment.Remove(applicants[weakest].Id);
                free.Push(weakest);
                break;
            }
        }
        return assignment;
    }

    /// <summary>
    /// The independent stability check published with every result: each applicant who prefers a cell over
    /// their own (or has none) while that cell has a vacancy or holds a lower-priority applicant.
    /// </summary>
    public static IReadOnlyList<BlockingPair> BlockingPairs(IReadOnlyList<RoundApplicant> applicants, IReadOnlyDictionary<string, int> vacancies,
        IReadOnlyDictionary<Guid, string> assignment)
    {
        var holders = assignment.GroupBy(a => a.Value).ToDictionary(g => g.Key, g => g.Count());
        var byId = applicants.ToDictionary(a => a.Id);
        var weakest = assignment.GroupBy(a => a.Value)
            .ToDictionary(g => g.Key, g => g.Select(a => byId[a.Key]).Aggregate((x, y) => Priority.Weakest.Compare(x, y) <= 0 ? x : y));
        var pairs = new List<BlockingPair>();
        foreach (var applicant in applicants)
        {
            var own = assignment.TryGetValue(applicant.Id, out var cell) ? cell : null;
            foreach (var preferred in applicant.Preferences)
            {
                if (preferred == own) break;
                if (!vacancies.TryGetValue(preferred, out var places) || places == 0) continue;
                var taken = holders.GetValueOrDefault(preferred);
                if (taken < places || (weakest.TryGetValue(preferred, out var w) && Priority.Weakest.Compare(applicant, w) > 0))
                    pairs.Add(new BlockingPair(applicant.Id, preferred));
            }
        }
        return pairs;
    }

    /// <summary>Orders applicants weakest first: lower total, interview, written; a higher id loses an exact tie.</summary>
    private sealed class Priority : IComparer<RoundApplicant>
    {
        public static readonly Priority Weakest = new();

        public int Compare(RoundApplicant? x, RoundApplicant? y)
        {
            var c = x!.Total.CompareTo(y!.Total);
            if (c == 0) c = x.Interview.CompareTo(y.Interview);
            if (c == 0) c = x.Written.CompareTo(y.Written);
            return c != 0 ? c : y.Id.CompareTo(x.Id);
        }
    }
}
