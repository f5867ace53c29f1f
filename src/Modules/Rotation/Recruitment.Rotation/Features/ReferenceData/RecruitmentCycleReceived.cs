using Recruitment.Rotation.Features.Alerts;

namespace Recruitment.Rotation.Features.ReferenceData;

[MartenStore(typeof(IRotationStore))]
public static class RecruitmentCycleReceivedHandler
{
    /// <summary>Keeps Rotation's copy of the cycle and stores the durable timer of its daily rotation check (ROT-01, ROT-03, ROT-09).</summary>
    public static object Handle(RecruitmentCyclePublished cycle, IDocumentSession session, TimeProvider clock)
    {
        session.Store(new RotationCycle
        {
            Id = cycle.Year,
            Version = cycle.Version,
            BaseCodes = cycle.Bases.Select(b => b.Code).ToList(),
            StandardResidencyMonths = cycle.StandardMonths.Residency,
            StandardAssistantGpMonths = cycle.StandardMonths.AssistantGp,
            TrainingStartDate = cycle.Calendar.TrainingStartDate,
            RotationPlanDeadline = cycle.Calendar.RotationPlanDeadline,
            OrientationDeadline = cycle.Calendar.OrientationDeadline,
        });
        return DailyRotationCheckHandler.FirstRun(cycle, clock.GetUtcNow());
    }
}
