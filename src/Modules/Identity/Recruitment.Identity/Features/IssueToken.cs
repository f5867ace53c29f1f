using Microsoft.IdentityModel.Tokens;

namespace Recruitment.Identity.Features;

/// <summary>POST /api/auth/token: user name or ID number + password (+ a TOTP or recovery code where two-factor is on) in,
/// a short-lived access token and a refresh token out.</summary>
internal sealed record TokenRequest(string? Login, string? Password, string? Otp = null, string? RecoveryCode = null);

/// <summary>The refresh token is also set as an HttpOnly cookie for browsers; API clients use the body.</summary>
internal sealed record TokenResponse(string AccessToken, string TokenType, DateTimeOffset ExpiresAt, string Role,
    string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);

internal sealed class IssueTokenEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/token", Handle)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Authentication)
            .WithTags("Auth");

    private static async Task<TokenResponse> Handle(TokenRequest request, HttpContext http, IIdentityStore store,
        SignInGuard guard, TwoFactorCheck twoFactor, TokenIssuer issuer, AuthOptions options, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Login) || string.IsNullOrEmpty(request.Password))
            throw DomainException.Invalid("auth.credentials_required", "login and password are required.");

        var account = await guard.VerifyAsync(request.Login, request.Password, ct);
        // Only the holder of the right password learns any of the following.
        EnsureMaySignIn(account);
        await using var session = store.LightweightSession();
        twoFactor.EnsureSatisfied(session, account, request.Otp, request.RecoveryCode);
        var tokens = issuer.Issue(session, account, familyId: null);
        await session.SaveChangesAsync(ct);
        RefreshCookie.Write(http.Response, tokens, options);
        return tokens;
    }

    public static void EnsureMaySignIn(Account account)
    {
        if (account.IsDisabled)
            throw DomainException.Forbidden("auth.account_disabled", "This account is disabled; ask the provincial center.");
        if (account.MustChangePassword)
            throw DomainException.Forbidden("auth.password_change_required",
                "This password is temporary: choose your own with POST /api/auth/password before signing in.");
    }
}

/// <summary>Signs access tokens and starts or continues refresh-token families.</summary>
internal sealed class TokenIssuer(AuthOptions options, TimeProvider clock)
{
    /// <summary>Claim naming the sign-in session (the refresh-token family) an access token belongs to.</summary>
    public const string SessionClaim = "sid";

    private readonly SigningCredentials _credentials =
        new(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(options.SigningKey)), SecurityAlgorithms.HmacSha256);

    /// <summary>A new access token and a new refresh token (stored in <paramref name="session"/>, unsaved).</summary>
    public TokenResponse Issue(IDocumentSession session, Account account, Guid? familyId)
    {
        var now = clock.GetUtcNow();
        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        var refresh = new RefreshToken
        {
            Id = Guid.CreateVersion7(),
            FamilyId = familyId ?? Guid.CreateVersion7(),
            AccountId = account.Id,
            SecretHash = RefreshToken.Hash(secret),
            IssuedAt = now,
            ExpiresAt = now + options.RefreshTokenLifetime,
        };
        session.Insert(refresh);

        var expires = now + options.AccessTokenLifetime;
        var claims = new Dictionary<string, object>
        {
            [RecruitmentClaims.Subject] = account.Id.ToString(),
            [RecruitmentClaims.Name] = account.DisplayName,
            [RecruitmentClaims.Role] = account.Role,
            [RecruitmentClaims.Programme] = account.Programme,
            [SessionClaim] = refresh.FamilyId.ToString(),
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
        return new TokenResponse(token, "Bearer", expires, account.Role, RefreshToken.Format(refresh.Id, secret), refresh.ExpiresAt);
    }
}

/// <summary>
/// The refresh token as a browser keeps it: HttpOnly (no script reads it), Secure, SameSite=Strict, and sent only to
/// the refresh route. The access token stays in the page's memory.
/// </summary>
internal static class RefreshCookie
{
    public const string Name = "recruitment_refresh";
    public const string Path = "/api/auth/refresh";

    public static void Write(HttpResponse response, TokenResponse tokens, AuthOptions options) =>
        response.Cookies.Append(Name, tokens.RefreshToken, Options(options.RefreshTokenLifetime));

    public static void Clear(HttpResponse response) => response.Cookies.Delete(Name, Options(null));

    public static string? Read(HttpRequest request) => request.Cookies.TryGetValue(Name, out var value) ? value : null;

    // Max-Age, not Expires: relative, so a host whose clock is set for a test cycle still gives a live cookie.
    private static CookieOptions Options(TimeSpan? maxAge) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = Path,
        MaxAge = maxAge,
        IsEssential = true,
    };
}
