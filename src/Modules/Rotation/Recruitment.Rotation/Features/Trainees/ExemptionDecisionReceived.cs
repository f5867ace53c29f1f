using Recruitment.Notifications.Contracts;

namespace Recruitment.Rotation.Features.Trainees;

/// <summary>
/// Keeps the latest exemption determination per candidate (EXM-12); an older or repeated revision changes nothing.
/// A later decision reissues the rotation plan (EXM-08): an existing plan goes back to DRAFT, flagged for replanning.
/// </summary>
[MartenStore(typeof(IRotationStore))]
public static class ExemptionDecisionReceivedHandler
{
    public static async Task<NotifyStaff?> Handle(ExemptionDecided m, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        if ((await session.LoadAsync<MakeUpPlan>(m.CandidateId, ct))?.Revision >= m.Revision) return null;
        session.Store(new MakeUpPlan
        {
            Id = m.CandidateId,
            Year = m.Year,
            Approved = m.Approved,
            TrainingMonths = m.TrainingMonths,
            MakeUpItems = [.. m.MakeUpItems],
            Revision = m.Revision,
            DecidedAt = m.At,
        });
        if (await session.LoadAsync<RotationPlan>(m.CandidateId, ct) is not { } plan) return null;
        session.Events.Append(m.CandidateId, new PlanReissueRequired(
            m.Approved ? $"exemption decision {m.Revision}: {m.TrainingMonths} months of make-up items" : $"exemption decision {m.Revision}: rejected, standard duration",
            "system:training-exemption", clock.GetUtcNow()));
        // An approved exemption makes the plan a reduced-year one the base must reissue for the center (ROT-05, ROT-09).
        return m.Approved ? await RotationNotices.ReducedYearPlanPendingAsync(session, plan, m.Revision, ct) : null;
    }
}
