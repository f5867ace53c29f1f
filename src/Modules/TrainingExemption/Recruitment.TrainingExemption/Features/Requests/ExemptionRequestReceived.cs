using Marten;
using Recruitment.Enrollment.Contracts;
using Recruitment.TrainingExemption.Domain;
using Wolverine.Marten;

namespace Recruitment.TrainingExemption.Features.Requests;

/// <summary>Opens the exemption case for a request made at on-site confirmation (ENR-29, EXM-04). Idempotent: one case per candidate.</summary>
[MartenStore(typeof(ITrainingExemptionStore))]
public static class ExemptionRequestReceivedHandler
{
    public static async Task Handle(ExemptionRequested m, IDocumentSession session, CancellationToken ct)
    {
        if (await session.LoadAsync<ExemptionCase>(m.CandidateId, ct) is not null) return;
        session.Store(new ExemptionCase
        {
            Id = m.CandidateId,
            Year = m.Year,
            BaseCode = m.BaseCode,
            SpecialtyCode = m.SpecialtyCode,
            OtherSpecialty = m.OtherSpecialty,
            Name = m.Name,
            HighestEducation = m.HighestEducation,
            HoldsPhysicianQualification = m.HoldsPhysicianQualification,
            Status = ExemptionStatus.REQUESTED,
            RequestedAt = m.At,
        });
    }
}
