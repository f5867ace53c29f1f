namespace Recruitment.TrainingExemption.Features.Requests;

/// <summary>
/// Request intake (EXM-01..EXM-04). Enrollment asks <see cref="CheckExemptionRequest"/> at the desk, so an
/// inadmissible request is refused before the applicant is confirmed; the request itself then arrives as
/// <see cref="ExemptionRequested"/> and opens the case, once per candidate. The same rules run again on
/// arrival: a request that fails them is kept as REFUSED with its code, never silently dropped.
/// </summary>
[MartenStore(typeof(ITrainingExemptionStore))]
public static class ExemptionRequestReceivedHandler
{
    private const string Actor = "system:enrollment";

    public static async Task<ExemptionCheck> Handle(CheckExemptionRequest request, IQuerySession session, CancellationToken ct) =>
        ExemptionRules.Check(request, await session.LoadAsync<ExemptionCycle>(request.Year, ct));

    public static async Task Handle(ExemptionRequested m, IDocumentSession session, CancellationToken ct)
    {
        if (await session.Events.FetchStreamStateAsync(m.CandidateId, ct) is not null) return;
        var cycle = await session.LoadAsync<ExemptionCycle>(m.Year, ct);
        var check = ExemptionRules.Check(new CheckExemptionRequest(m.Year, Track.RESIDENCY, m.SpecialtyCode, m.OtherSpecialty, m.HighestEducation,
            m.Form, m.At), cycle);
        var received = new ExemptionRequestReceived(m.CandidateId, m.ApplicantId, m.Year, m.BaseCode, m.SpecialtyCode, m.OtherSpecialty, m.Name,
            m.Form, m.HighestEducation, m.HoldsPhysicianQualification, Actor, m.At);
        if (check.Code is null) session.Events.StartStream<ExemptionCase>(m.CandidateId, received);
        else session.Events.StartStream<ExemptionCase>(m.CandidateId, received, new ExemptionRequestRefused(check.Code, check.Detail ?? "", Actor, m.At));
    }
}
