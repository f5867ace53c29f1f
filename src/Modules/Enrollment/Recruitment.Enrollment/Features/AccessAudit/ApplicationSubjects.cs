using Recruitment.AccessAudit.Contracts;

namespace Recruitment.Enrollment.Features.AccessAudit;

/// <summary>Tells the access audit whose application (or candidate, or trainee: the same id) a staff member accessed.</summary>
internal sealed class ApplicationSubjects(IEnrollmentStore store) : IAccessSubjectResolver
{
    public string Kind => AccessSubjectKinds.RecruitmentApplication;

    public async Task<AccessSubject?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var session = store.QuerySession();
        var application = await session.LoadAsync<Application>(id, cancellationToken);
        return application is null ? null : new AccessSubject(application.ApplicantId, application.BaseCode);
    }
}
