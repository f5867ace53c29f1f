using Marten;
using Recruitment.Enrollment.Domain;
using Recruitment.TrainingExemption.Contracts;
using Wolverine.Marten;

namespace Recruitment.Enrollment.Features.Downstream;

/// <summary>
/// Records the center's exemption determination on the application: the training months admission will
/// use (ENR-47, EXM-09). Idempotent by revision; an older or repeated revision changes nothing.
/// </summary>
[MartenStore(typeof(IEnrollmentStore))]
public static class ExemptionDecisionReceivedHandler
{
    public static async Task Handle(ExemptionDecided m, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Application>(m.CandidateId, ct);
        if (stream.Aggregate is not { } application || application.Exemption?.Revision >= m.Revision) return;
        stream.AppendOne(new ExemptionDecisionRecorded(new ExemptionOutcome(m.Approved, m.TrainingMonths, m.Revision), SystemActor.TrainingExemption, m.At));
    }
}
