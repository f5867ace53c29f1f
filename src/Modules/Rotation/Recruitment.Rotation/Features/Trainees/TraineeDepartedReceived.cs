namespace Recruitment.Rotation.Features.Trainees;

/// <summary>
/// ENR-69: a trainee who left after admission (declined, not reported, revoked) leaves planning: out of the base's
/// trainee list, scheduling and daily checks; their plan is closed with the reason and its blocks from the first
/// day of the month after the departure are released, so the departments' capacity is free from then on. A late
/// report (ENR-66) brings the trainee back, with the plan to be reissued. Both messages carry Enrollment's
/// sequence: the highest applied wins, so a redelivered or overtaken message changes nothing. A departure that
/// overtakes the admission itself is kept on a bare trainee that the admission then completes.
/// </summary>
[MartenStore(typeof(IRotationStore))]
public static class TraineeDepartedReceivedHandler
{
    private const string Actor = "system:enrollment";

    public static async Task Handle(TraineeDeparted m, IDocumentSession session, CancellationToken ct)
    {
        var trainee = await session.LoadAsync<Trainee>(m.CandidateId, ct) ?? new Trainee { Id = m.CandidateId, Year = m.Year };
        if (trainee.StatusSequence >= m.Sequence) return;
        (trainee.Departure, trainee.DepartureReason, trainee.DepartedAt, trainee.StatusSequence) = (m.Departure, m.Reason, m.At, m.Sequence);
        session.Store(trainee);
        if (await session.LoadAsync<RotationPlan>(m.CandidateId, ct) is { Status: not PlanStatus.CLOSED })
        {
            var day = ChinaTime.Date(m.At);
            var freedFrom = new DateOnly(day.Year, day.Month, 1).AddMonths(1);
            session.Events.Append(m.CandidateId, new PlanClosed($"{m.Departure}: {m.Reason}", freedFrom, Actor, m.At));
        }
    }

    public static async Task Handle(TraineeReturned m, IDocumentSession session, CancellationToken ct)
    {
        var trainee = await session.LoadAsync<Trainee>(m.CandidateId, ct) ?? new Trainee { Id = m.CandidateId, Year = m.Year };
        if (trainee.StatusSequence >= m.Sequence) return;
        (trainee.Departure, trainee.DepartureReason, trainee.DepartedAt, trainee.StatusSequence) = (null, null, null, m.Sequence);
        session.Store(trainee);
        if (await session.LoadAsync<RotationPlan>(m.CandidateId, ct) is { Status: PlanStatus.CLOSED })
            session.Events.Append(m.CandidateId, new PlanReissueRequired($"reported late on {m.ReportedOn:yyyy-MM-dd}: {m.Reason}", Actor, m.At));
    }
}
