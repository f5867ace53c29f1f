using System.Security.Claims;

namespace Recruitment.BuildingBlocks;

public static class PrincipalExtensions
{
    /// <summary>The account id of the caller (JWT <c>sub</c>).</summary>
    public static Guid AccountId(this ClaimsPrincipal user)
    {
        var value = user.FindFirstValue(RecruitmentClaims.Subject);
        return Guid.TryParse(value, out var id)
            ? id
            : throw DomainException.Forbidden("auth.no_account", "The caller has no account identity.");
    }

    /// <summary>A short label for audit trails: role and account id, never personal data.</summary>
    public static string Actor(this ClaimsPrincipal user)
    {
        var role = user.FindFirstValue(RecruitmentClaims.Role) ?? "anonymous";
        var id = user.FindFirstValue(RecruitmentClaims.Subject) ?? "-";
        return $"{role}:{id}";
    }

    public static string? BaseCode(this ClaimsPrincipal user) => user.FindFirstValue(RecruitmentClaims.BaseCode);

    /// <summary>
    /// A base admin acts only for the base in their token; the center and the PHC act for every base.
    /// Other roles never reach here (the endpoint's policy stops them).
    /// </summary>
    public static void EnsureActsForBase(this ClaimsPrincipal user, string baseCode)
    {
        if (!user.IsInRole(Roles.BaseAdmin)) return;
        if (!string.Equals(user.BaseCode(), baseCode, StringComparison.OrdinalIgnoreCase))
            throw DomainException.Forbidden("base.forbidden", $"A base admin acts only for their own base, not {baseCode}.");
    }
}
