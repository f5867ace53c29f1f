using Recruitment.Examination.Contracts;

namespace Recruitment.Enrollment.Features.Inbound;

/// <summary>
/// Records a candidate's published exam result on their application (CONFIRMED/QUALIFIED to EXAMINED,
/// ABSENT or CANCELLED_ABSENT); a later correction updates the result, and flags a proposed or admitted
/// candidate whose pass/fail it flips. Idempotent: a redelivered or older revision changes nothing; an
/// application withdrawn or cancelled meanwhile keeps its status.
/// </summary>
[MartenStore(typeof(IEnrollmentStore))]
public static class ExamResultReceivedHandler
{
    public static async Task Handle(CandidateScored m, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Application>(m.CandidateId, ct);
        var application = stream.Aggregate;
        // Every newer revision is kept while the application is alive, so a correction after proposal reaches admission (EXAM-16).
        if (application is null || !application.IsActive || application.ExamResult?.Revision >= m.Revision) return;
        stream.AppendOne(new ExamResultRecorded(
            new ExamResult(m.Theory, m.Skill, m.Interview, m.AssessmentResult, m.Written, m.InterviewPart, m.Total, m.Passed, m.Absent, m.Revision),
            SystemActor.Examination, m.At));
    }
}
