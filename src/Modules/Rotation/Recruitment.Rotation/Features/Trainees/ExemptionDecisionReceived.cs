using Marten;
using Recruitment.Rotation.Domain;
using Recruitment.TrainingExemption.Contracts;
using Wolverine.Marten;

namespace Recruitment.Rotation.Features.Trainees;

/// <summary>Keeps the latest exemption determination per candidate (EXM-12); an older or repeated revision changes nothing.</summary>
[MartenStore(typeof(IRotationStore))]
public static class ExemptionDecisionReceivedHandler
{
    public static async Task Handle(ExemptionDecided m, IDocumentSession session, CancellationToken ct)
    {
        if ((await session.LoadAsync<MakeUpPlan>(m.CandidateId, ct))?.Revision >= m.Revision) return;
        session.Store(new MakeUpPlan
        {
            Id = m.CandidateId, Year = m.Year, Approved = m.Approved, TrainingMonths = m.TrainingMonths, MakeUpItems = [.. m.MakeUpItems],
            Revision = m.Revision, DecidedAt = m.At,
        });
    }
}
