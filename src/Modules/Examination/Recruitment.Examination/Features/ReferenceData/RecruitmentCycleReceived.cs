using Marten;
using Recruitment.Enrollment.Contracts;
using Recruitment.Examination.Domain;
using Wolverine.Marten;

namespace Recruitment.Examination.Features.ReferenceData;

[MartenStore(typeof(IExaminationStore))]
public static class RecruitmentCycleReceivedHandler
{
    /// <summary>An upsert keyed by year: a redelivered message leaves the same copy.</summary>
    public static void Handle(RecruitmentCyclePublished cycle, IDocumentSession session) =>
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
