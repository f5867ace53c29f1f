namespace Recruitment.BuildingBlocks;

/// <summary>Role names carried in tokens (API.md, "Roles").</summary>
public static class Roles
{
    public const string Applicant = "applicant";
    public const string BaseAdmin = "base-admin";
    public const string CenterAdmin = "center-admin";
    public const string PhcAdmin = "phc-admin";
    public const string FellowshipAdmin = "fellowship-admin";
    public const string Operator = "operator";
    /// <summary>Held only by integration jobs authenticated with an API key.</summary>
    public const string IntegrationJob = "integration-job";

    public static readonly IReadOnlySet<string> All = new HashSet<string>(StringComparer.Ordinal)
    {
        Applicant, BaseAdmin, CenterAdmin, PhcAdmin, FellowshipAdmin, Operator,
    };
}

/// <summary>Claim types beyond the standard ones.</summary>
public static class RecruitmentClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Name = "name";
    /// <summary>The training base a base-admin is bound to (e.g. B07).</summary>
    public const string BaseCode = "base";
    /// <summary>Which programme an applicant account belongs to: recruitment or fellowship.</summary>
    public const string Programme = "programme";
    /// <summary>Scope granted to an API key.</summary>
    public const string Scope = "scope";
    public const string ScoreImportScope = "scores:import";
    /// <summary>A province-wide score key, created by the center for the written exam (EXAM-09); a base-bound key has the plain scope and a base.</summary>
    public const string ProvinceScoreImportScope = "scores:import:province";
}

public static class Programmes
{
    public const string Recruitment = "recruitment";
    public const string Fellowship = "fellowship";
}
