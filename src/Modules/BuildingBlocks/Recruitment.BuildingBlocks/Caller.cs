using System.Security.Claims;

namespace Recruitment.BuildingBlocks;

/// <summary>
/// Who sends a command, bound once per request from the token (a minimal-API parameter: <c>Caller caller</c>)
/// and carried in the command, so a handler checks access on the aggregate it has loaded anyway. An applicant's
/// token names their programme (recruitment or fellowship).
/// </summary>
public sealed record Caller(Guid? AccountId, string Actor, string? Role, string? BaseCode, string? Programme = null)
{
    public static ValueTask<Caller?> BindAsync(HttpContext context) => ValueTask.FromResult<Caller?>(From(context.User));

    public static Caller From(ClaimsPrincipal user) =>
        new(Guid.TryParse(user.FindFirstValue(RecruitmentClaims.Subject), out var id) ? id : null, user.Actor(),
            user.FindFirstValue(RecruitmentClaims.Role), user.BaseCode(), user.FindFirstValue(RecruitmentClaims.Programme));

    public bool Is(string role) => string.Equals(Role, role, StringComparison.Ordinal);

    /// <summary>A base admin acts only for the base in their token; the center and the PHC act for every base.</summary>
    public Refusal? ActsForBase(string baseCode) =>
        Is(Roles.BaseAdmin) && !string.Equals(BaseCode, baseCode, StringComparison.OrdinalIgnoreCase)
            ? Refusal.Forbidden("base.forbidden", $"A base admin acts only for their own base, not {baseCode}.")
            : null;
}
