namespace Recruitment.Identity.Features;

internal sealed record CallerView(string Subject, string Role, string? Name, string? BaseCode, string? Programme, IReadOnlyList<string> Scopes);

/// <summary>
/// GET /api/auth/whoami: what the presented token or API key is worth. Lets an integration job
/// check its key before sending a large batch, and a client show who is signed in.
/// </summary>
internal sealed class WhoAmIEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/auth/whoami", (ClaimsPrincipal user) => new CallerView(
                user.FindFirstValue(RecruitmentClaims.Subject) ?? "",
                user.FindFirstValue(RecruitmentClaims.Role) ?? "",
                user.FindFirstValue(RecruitmentClaims.Name),
                user.BaseCode(),
                user.FindFirstValue(RecruitmentClaims.Programme),
                user.FindAll(RecruitmentClaims.Scope).Select(c => c.Value).ToList()))
            .RequireAuthorization(Policies.AnyCaller)
            .WithTags("Auth");
}
