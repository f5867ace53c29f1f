using System.Text;
using Carter;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Recruitment.BuildingBlocks;
using Recruitment.Identity.Domain;

namespace Recruitment.Identity.Features;

/// <summary>POST /api/auth/token: user name or ID number + password in, a signed JWT out.</summary>
internal sealed record TokenRequest(string? Login, string? Password);

internal sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, string Role);

internal sealed class IssueTokenEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/token", Handle)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Authentication)
            .WithTags("Auth");

    private static async Task<TokenResponse> Handle(TokenRequest request, IIdentityStore store,
        IPasswordHasher<Account> hasher, TokenIssuer issuer, ILogger<IssueTokenEndpoint> logger, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Login) || string.IsNullOrEmpty(request.Password))
            throw DomainException.Invalid("auth.credentials_required", "login and password are required.");

        await using var session = store.QuerySession();
        var login = Account.Normalise(request.Login);
        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Login == login, ct);
        // One answer for unknown login and wrong password, so the endpoint does not reveal which IDs exist.
        if (account is null || hasher.VerifyHashedPassword(account, account.PasswordHash, request.Password) == PasswordVerificationResult.Failed)
        {
            // Security audit trail; the login may be an ID number, which the log pipeline masks.
            logger.LogWarning("Failed login for {Login}", request.Login);
            throw new DomainException("auth.invalid_credentials", "The login or password is wrong.", StatusCodes.Status401Unauthorized);
        }

        return issuer.Issue(account);
    }
}

internal sealed class TokenIssuer(AuthOptions options, TimeProvider clock)
{
    private readonly SigningCredentials _credentials =
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey)), SecurityAlgorithms.HmacSha256);

    public TokenResponse Issue(Account account)
    {
        var now = clock.GetUtcNow();
        var expires = now + options.TokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [RecruitmentClaims.Subject] = account.Id.ToString(),
            [RecruitmentClaims.Name] = account.DisplayName,
            [RecruitmentClaims.Role] = account.Role,
            [RecruitmentClaims.Programme] = account.Programme,
        };
        if (account.BaseCode is not null) claims[RecruitmentClaims.BaseCode] = account.BaseCode;

        var token = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Claims = claims,
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expires.UtcDateTime,
            SigningCredentials = _credentials,
        });
        return new TokenResponse(token, "Bearer", expires, account.Role);
    }
}
