namespace Recruitment.TrainingExemption.Features.ReferenceData;

[MartenStore(typeof(ITrainingExemptionStore))]
public static class RecruitmentCycleReceivedHandler
{
    public static void Handle(RecruitmentCyclePublished cycle, IDocumentSession session) =>
        session.Store(new ExemptionCycle
        {
            Id = cycle.Year,
            Version = cycle.Version,
            Specialties = cycle.Specialties.Select(s => new SpecialtyName(s.Code, s.NameEn, s.NameZh)).ToList(),
            Bases = cycle.Bases.Select(b => new BaseName(b.Code, b.NameZh)).ToList(),
            StandardResidencyMonths = cycle.StandardMonths.Residency,
            OnsiteConfirmationEnd = cycle.Calendar.OnsiteConfirmationEnd,
            DecisionDeadline = cycle.Calendar.ExemptionDecisionDeadline,
            TrainingStartDate = cycle.Calendar.TrainingStartDate,
        });
}
