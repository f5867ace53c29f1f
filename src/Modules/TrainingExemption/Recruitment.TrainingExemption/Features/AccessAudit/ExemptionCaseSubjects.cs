using Recruitment.AccessAudit.Contracts;

namespace Recruitment.TrainingExemption.Features.AccessAudit;

/// <summary>Tells the access audit whose exemption case a staff member accessed.</summary>
internal sealed class ExemptionCaseSubjects(ITrainingExemptionStore store) : IAccessSubjectResolver
{
    public string Kind => AccessSubjectKinds.ExemptionCase;

    public async Task<AccessSubject?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var request = await session.LoadAsync<ExemptionCase>(id, cancellationToken);
        return request is null ? null : new AccessSubject(request.ApplicantId, request.BaseCode);
    }
}
