namespace Recruitment.AccessAudit.Contracts;

/// <summary>
/// Whose personal data a record is: the applicant's account and the base that holds the record. The module that
/// owns a record answers this for its own ids, so the access audit never reads another module's schema.
/// </summary>
public sealed record AccessSubject(Guid? ApplicantId, string? BaseCode);

/// <summary>
/// Answers <see cref="AccessSubject"/> for one kind of record (<see cref="AccessSubjectKinds"/>). A module
/// implements it as an internal class; the host finds the implementations in the module assemblies.
/// </summary>
public interface IAccessSubjectResolver
{
    string Kind { get; }

    Task<AccessSubject?> FindAsync(Guid id, CancellationToken cancellationToken);
}

/// <summary>The kinds of records that carry an applicant's personal data.</summary>
public static class AccessSubjectKinds
{
    /// <summary>A recruitment application; its id is also the candidate's (Examination) and the trainee's (Rotation).</summary>
    public const string RecruitmentApplication = "recruitment-application";
    /// <summary>A training-exemption case.</summary>
    public const string ExemptionCase = "exemption-case";
    /// <summary>A fellowship application; its id is also the fellow's.</summary>
    public const string FellowshipApplication = "fellowship-application";
}
