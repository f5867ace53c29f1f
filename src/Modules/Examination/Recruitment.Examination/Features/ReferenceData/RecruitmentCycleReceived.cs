namespace Recruitment.Examination.Features.ReferenceData;

[MartenStore(typeof(IExaminationStore))]
public static class RecruitmentCycleReceivedHandler
{
    /// <summary>
    /// An upsert keyed by year: a redelivered message leaves the same copy. A cycle without its own
    /// examination file gets the default scoring rules (EXAM-12..EXAM-14 Decisions), so it can be examined.
    /// </summary>
    public static async Task Handle(RecruitmentCyclePublished cycle, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<ExamSettings>(cycle.Year, ct) is null) session.Store(ExamSettings.Default(cycle.Year));
        session.Store(new ExamCycle
        {
            Id = cycle.Year,
            Version = cycle.Version,
            BaseCodes = cycle.Bases.Select(b => b.Code).ToList(),
            AssistantGpBase = cycle.AssistantGp.BaseCode,
            InterviewDeadline = cycle.Calendar.InterviewDeadline,
            ScoreImportDeadline = cycle.Calendar.ScoreImportDeadline,
            ProposedAdmissionLock = cycle.Calendar.ProposedAdmissionLock,
        });
    }
}
