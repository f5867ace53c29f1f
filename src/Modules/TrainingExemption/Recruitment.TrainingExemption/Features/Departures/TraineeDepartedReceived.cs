namespace Recruitment.TrainingExemption.Features.Departures;

/// <summary>
/// ENR-69: a trainee who left after admission has nothing left to decide: an open case (requested, form
/// completed, assessed) is closed with the departure and its reason. A decided or refused case stays as it is, and
/// a repeated message finds the case closed already.
/// </summary>
[MartenStore(typeof(ITrainingExemptionStore))]
public static class TraineeDepartedReceivedHandler
{
    public static async Task Handle(TraineeDeparted m, IDocumentSession session, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<ExemptionCase>(m.CandidateId, ct);
        if (stream.Aggregate?.Status is not (ExemptionStatus.REQUESTED or ExemptionStatus.BASE_FORM_COMPLETED or ExemptionStatus.ASSESSED)) return;
        stream.AppendOne(new CaseClosed($"{m.Departure}: {m.Reason}", "system:enrollment", m.At));
    }
}
