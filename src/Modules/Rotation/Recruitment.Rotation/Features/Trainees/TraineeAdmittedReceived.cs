namespace Recruitment.Rotation.Features.Trainees;

/// <summary>
/// Builds Rotation's trainee from <see cref="TraineeAdmitted"/> (issue item 1): base, specialty, track, training
/// months, start date (ROT-02). Idempotent by revision: an older or repeated revision changes nothing; a higher
/// one replaces the admission data (orientation records stay) and, when the training months change, marks an
/// existing plan for reissue. Independent of the order in which ExemptionDecided arrives (both are read together).
/// </summary>
[MartenStore(typeof(IRotationStore))]
public static class TraineeAdmittedReceivedHandler
{
    public static async Task Handle(TraineeAdmitted m, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var trainee = await session.LoadAsync<Trainee>(m.CandidateId, ct);
        if (trainee?.Revision >= m.Revision) return;
        var monthsChanged = trainee is not null && (trainee.AdmittedMonths != m.TrainingMonths || trainee.AdmittedReduced != m.ReducedYears);
        trainee ??= new Trainee { Id = m.CandidateId };
        trainee.ApplicantId = m.ApplicantId;
        trainee.Year = m.Year;
        trainee.Track = m.Track;
        trainee.BaseCode = m.BaseCode.ToUpperInvariant();
        trainee.SpecialtyCode = m.SpecialtyCode.ToUpperInvariant();
        trainee.OtherSpecialty = m.OtherSpecialty;
        trainee.Name = m.Name;
        trainee.AdmittedMonths = m.TrainingMonths;
        trainee.AdmittedReduced = m.ReducedYears;
        trainee.TrainingStart = m.TrainingStart;
        trainee.Revision = m.Revision;
        trainee.AdmittedAt = m.At;
        session.Store(trainee);
        if (monthsChanged && await session.LoadAsync<RotationPlan>(m.CandidateId, ct) is not null)
            session.Events.Append(m.CandidateId, new PlanReissueRequired(
                $"training months changed to {m.TrainingMonths} (admission revision {m.Revision})", "system:enrollment", clock.GetUtcNow()));
    }
}
