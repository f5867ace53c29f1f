using Recruitment.AccessAudit.Contracts;

namespace Recruitment.AdvancedFellowship.Features.AccessAudit;

/// <summary>Tells the access audit whose fellowship application (or fellow record: the same id) a staff member accessed.</summary>
internal sealed class FellowshipSubjects(IAdvancedFellowshipStore store) : IAccessSubjectResolver
{
    public string Kind => AccessSubjectKinds.FellowshipApplication;

    public async Task<AccessSubject?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var fellowship = await session.LoadAsync<Fellowship>(id, cancellationToken);
        return fellowship is null ? null : new AccessSubject(fellowship.ApplicantId, null);
    }
}
