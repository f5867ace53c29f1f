using Recruitment.TrainingExemption.Contracts;

namespace Recruitment.Enrollment.Features.Inbound;

/// <summary>
/// Records the center's exemption determination on the application: the latest one decides the training months
/// everywhere (ENR-47, EXM-09), approved with its months, rejected with the standard duration. A proposal with other
/// months is flagged to the base; for a trainee already admitted the notice is reissued with the new months and they
/// go to Rotation again. Idempotent by revision; an older or repeated revision changes nothing.
/// </summary>
[MartenStore(typeof(IEnrollmentStore))]
public static class ExemptionDecisionReceivedHandler
{
    public static async Task<TraineeAdmitted?> Handle(ExemptionDecided m, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Application>(m.CandidateId, ct);
        if (stream.Aggregate is not { } application || application.Exemption?.Revision >= m.Revision) return null;
        var recorded = new ExemptionDecisionRecorded(new ExemptionOutcome(m.Approved, m.TrainingMonths, m.Revision), SystemActor.TrainingExemption, m.At);
        var cycle = (await session.LoadAsync<RecruitmentCycle>(application.Year, ct))!;
        var before = Admissions.Message(application, cycle, m.At).TrainingMonths;
        stream.AppendOne(recorded);
        if (!application.IsAdmitted) return null;
        application.On(recorded);
        var admitted = Admissions.Message(application, cycle, m.At);
        if (admitted.TrainingMonths != before)
            stream.AppendOne(new AdmissionNoticeReissued(before, admitted.TrainingMonths, SystemActor.TrainingExemption, m.At));
        return admitted;
    }
}
