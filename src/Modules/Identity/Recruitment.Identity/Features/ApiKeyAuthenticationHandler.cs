using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Recruitment.Identity.Features;

/// <summary>Authenticates integration jobs by the <c>X-Api-Key</c> header.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IIdentityStore store,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values)) return AuthenticateResult.NoResult();
        if (!ApiKey.TryParse(values.ToString(), out var id, out var secret))
            return AuthenticateResult.Fail("Malformed API key.");

        await using var session = store.QuerySession();
        var key = await session.LoadAsync<ApiKey>(id, Context.RequestAborted);
        if (key is null || !key.Matches(secret)) return AuthenticateResult.Fail("Unknown API key.");
        if (!key.IsActive(clock.GetUtcNow())) return AuthenticateResult.Fail("The API key is revoked or expired.");

        List<Claim> claims =
        [
            new Claim(RecruitmentClaims.Subject, key.Id.ToString()),
            new Claim(RecruitmentClaims.Role, Roles.IntegrationJob),
            new Claim(RecruitmentClaims.Scope, key.Scope),
            new Claim(RecruitmentClaims.Name, key.Name),
        ];
        if (key.BaseCode is { } baseCode) claims.Add(new Claim(RecruitmentClaims.BaseCode, baseCode)); // rows of other bases: WRONG_BASE (EXAM-09)
        var identity = new ClaimsIdentity(claims, SchemeName, RecruitmentClaims.Name, RecruitmentClaims.Role);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }
}
