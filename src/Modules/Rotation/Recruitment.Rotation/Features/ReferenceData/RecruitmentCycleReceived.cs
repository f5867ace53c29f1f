using Marten;
using Recruitment.Enrollment.Contracts;
using Recruitment.Rotation.Domain;
using Wolverine.Marten;

namespace Recruitment.Rotation.Features.ReferenceData;

[MartenStore(typeof(IRotationStore))]
public static class RecruitmentCycleReceivedHandler
{
    public static void Handle(RecruitmentCyclePublished cycle, IDocumentSession session) =>
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
}
