using Recruitment.TrainingExemption.Contracts;

namespace Recruitment.Enrollment.Features.Inbound;

/// <summary>
/// Records the center's exemption determination on the application: the training months admission uses
/// (ENR-47, EXM-09). For a trainee already admitted the changed months go to Rotation again. Idempotent by
/// revision; an older or repeated revision changes nothing.
/// </summary>
[MartenStore(typeof(IEnrollmentStore))]
public static class ExemptionDecisionReceivedHandler
{
    public static async Task<TraineeAdmitted?> Handle(ExemptionDecided m, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Application>(m.CandidateId, ct);
        if (stream.Aggregate is not { } application || application.Exemption?.Revision >= m.Revision) return null;
        var recorded = new ExemptionDecisionRecorded(new ExemptionOutcome(m.Approved, m.TrainingMonths, m.Revision), SystemActor.TrainingExemption, m.At);
        stream.AppendOne(recorded);
        if (!application.IsAdmitted) return null;
        application.On(recorded);
        return Admissions.Message(application, (await session.LoadAsync<RecruitmentCycle>(application.Year, ct))!, m.At);
    }
}
