namespace Recruitment.Examination.Features.Publication;

/// <summary>How a candidate's result goes to Enrollment, for finalisation and corrections alike (EXAM-15, EXAM-16).</summary>
internal static class ResultPublication
{
    /// <summary>A new revision of the candidate's result for Enrollment; the entry remembers the revision.</summary>
    public static CandidateScored Publish(RosterEntry entry, IDocumentSession session, DateTimeOffset now)
    {
        entry.Revision++;
        session.Store(entry);
        var s = entry.Score!;
        var t = entry.Totals!;
        return new CandidateScored(entry.Id, entry.Year, entry.Track, entry.BaseCode, s.Theory, s.Skill, s.Interview, s.Result.ToString(),
            s.AbsentComponents.Select(c => c.ToString()).ToList(), t.Written, t.Interview, t.Total, t.Passed, t.Absent, entry.Revision, now);
    }
}
