namespace Recruitment.BuildingBlocks;

/// <summary>
/// Authorization policy names. Every endpoint names one of these or is explicitly anonymous;
/// an architecture test enforces it. The host defines what each requires.
/// </summary>
public static class Policies
{
    public const string Applicant = "applicant";
    public const string FellowshipApplicant = "fellowship-applicant";
    /// <summary>An applicant of either programme (recruitment or fellowship).</summary>
    public const string AnyApplicant = "any-applicant";
    public const string BaseAdmin = "base-admin";
    public const string BaseOrCenterAdmin = "base-or-center-admin";
    public const string CenterAdmin = "center-admin";
    public const string PhcAdmin = "phc-admin";
    public const string CenterOrPhcAdmin = "center-or-phc-admin";
    public const string FellowshipAdmin = "fellowship-admin";
    public const string Operator = "operator";
    public const string OperatorOrCenterAdmin = "operator-or-center-admin";
    public const string ScoreImport = "score-import";
    public const string ScoreImportOrCenterAdmin = "score-import-or-center-admin";
    /// <summary>Any signed-in person (a JWT); never an integration key, which may only push scores.</summary>
    public const string AnyUser = "any-user";
    /// <summary>A person or an integration key: only for asking who the caller is.</summary>
    public const string AnyCaller = "any-caller";
    /// <summary>Admission decisions: the base before the proposal lock; the center and the PHC after it (ENR-50).</summary>
    public const string AdmissionStaff = "admission-staff";
    /// <summary>A document about one applicant: the applicant, their base or the center (the route checks whose it is).</summary>
    public const string ApplicantBaseOrCenter = "applicant-base-or-center";

    /// <summary>Roles each policy admits; API-key policies are defined by scheme and scope instead.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> RoleMap = new Dictionary<string, string[]>
    {
        [Applicant] = [Roles.Applicant],
        [FellowshipApplicant] = [Roles.Applicant],
        [AnyApplicant] = [Roles.Applicant],
        [BaseAdmin] = [Roles.BaseAdmin],
        [BaseOrCenterAdmin] = [Roles.BaseAdmin, Roles.CenterAdmin],
        [CenterAdmin] = [Roles.CenterAdmin],
        [PhcAdmin] = [Roles.PhcAdmin],
        [CenterOrPhcAdmin] = [Roles.CenterAdmin, Roles.PhcAdmin],
        [FellowshipAdmin] = [Roles.FellowshipAdmin],
        [Operator] = [Roles.Operator],
        [OperatorOrCenterAdmin] = [Roles.Operator, Roles.CenterAdmin],
        [AdmissionStaff] = [Roles.BaseAdmin, Roles.CenterAdmin, Roles.PhcAdmin],
        [ApplicantBaseOrCenter] = [Roles.Applicant, Roles.BaseAdmin, Roles.CenterAdmin],
    };
}

/// <summary>Rate limiter policy names; the host defines the limits.</summary>
public static class RateLimits
{
    /// <summary>Login and self-registration: per client address, against password guessing and account spam.</summary>
    public const string Authentication = "authentication";
}
