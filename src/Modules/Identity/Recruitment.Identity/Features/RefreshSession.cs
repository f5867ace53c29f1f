namespace Recruitment.Identity.Features;

internal sealed record RefreshRequest(string? RefreshToken);

/// <summary>
/// POST /api/auth/refresh: a refresh token (the cookie, or the body for API clients) in, a new access token and a
/// new refresh token out; the presented one is used up. A used token presented again revokes its whole family:
/// whoever holds a copy, thief or owner, must sign in again.
/// POST /api/auth/sign-out: ends the session the refresh token (or the caller's access token) belongs to.
/// </summary>
internal sealed class RefreshSessionEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/auth/refresh", Refresh)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Authentication)
            .WithTags("Auth");
        app.MapPost("/api/auth/sign-out", SignOut)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Authentication)
            .WithTags("Auth");
    }

    private static DomainException InvalidToken() =>
        new("auth.invalid_refresh_token", "The refresh token is unknown, expired or revoked: sign in again.",
            StatusCodes.Status401Unauthorized);

    /// <summary>The token from a JSON body (API clients), or else the cookie (browsers).</summary>
    private static async Task<string?> PresentedAsync(HttpRequest request, CancellationToken ct) =>
        (await OptionalJsonBody.ReadAsync<RefreshRequest>(request, ct))?.RefreshToken ?? RefreshCookie.Read(request);

    private static async Task<TokenResponse> Refresh(HttpContext http, IIdentityStore store,
        TokenIssuer issuer, AuthOptions options, TimeProvider clock, ILogger<RefreshSessionEndpoints> logger, CancellationToken ct)
    {
        var presented = await PresentedAsync(http.Request, ct);
        if (!RefreshToken.TryParse(presented, out var id, out var secret)) throw InvalidToken();

        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var token = await session.LoadAsync<RefreshToken>(id, ct);
        if (token is null || !token.Matches(secret)) throw InvalidToken();
        if (token.UsedAt is not null && token.RevokedAt is null)
        {
            await RevokeAsync(session, t => t.FamilyId == token.FamilyId, "reused", now, ct);
            await session.SaveChangesAsync(ct);
            logger.RefreshTokenReused(token.FamilyId, token.AccountId);
            throw new DomainException("auth.refresh_token_reused",
                "This refresh token was already used: the session is ended for safety. Sign in again.",
                StatusCodes.Status401Unauthorized);
        }
        if (token.RevokedAt is not null || token.ExpiresAt <= now) throw InvalidToken();

        var account = await session.LoadAsync<Account>(token.AccountId, ct) ?? throw InvalidToken();
        if (account.IsDisabled)
        {
            await RevokeAsync(session, t => t.AccountId == account.Id, "disabled", now, ct);
            await session.SaveChangesAsync(ct);
            throw new DomainException("auth.account_disabled", "This account is disabled; ask the provincial center.",
                StatusCodes.Status401Unauthorized);
        }

        token.UsedAt = now;
        // The version check makes two concurrent uses of one token a conflict: one wins, the other is refused.
        session.Update(token);
        var tokens = issuer.Issue(session, account, token.FamilyId);
        try
        {
            await session.SaveChangesAsync(ct);
        }
        catch (Exception e) when (OptimisticRetry.IsConflict(e))
        {
            throw InvalidToken();
        }
        RefreshCookie.Write(http.Response, tokens, options);
        return tokens;
    }

    private static async Task<IResult> SignOut(HttpContext http, IIdentityStore store, TimeProvider clock, CancellationToken ct)
    {
        var presented = await PresentedAsync(http.Request, ct);
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        Guid? family = null;
        if (RefreshToken.TryParse(presented, out var id, out var secret)
            && await session.LoadAsync<RefreshToken>(id, ct) is { } token && token.Matches(secret))
            family = token.FamilyId;
        else if (http.User.FindFirstValue(TokenIssuer.SessionClaim) is { } sid && Guid.TryParse(sid, out var fromAccess))
            family = fromAccess;

        if (family is { } f)
        {
            await RevokeAsync(session, t => t.FamilyId == f, "signed-out", now, ct);
            await session.SaveChangesAsync(ct);
        }
        RefreshCookie.Clear(http.Response);
        // Signing out twice, or without a session, is not an error.
        return Results.NoContent();
    }

    /// <summary>Revokes every live refresh token matching <paramref name="which"/> (unsaved).</summary>
    public static async Task RevokeAsync(IDocumentSession session, System.Linq.Expressions.Expression<Func<RefreshToken, bool>> which,
        string reason, DateTimeOffset now, CancellationToken ct)
    {
        var live = await session.Query<RefreshToken>().Where(which).Where(t => t.RevokedAt == null).ToListAsync(ct);
        foreach (var token in live)
        {
            token.RevokedAt = now;
            token.RevokedReason = reason;
            session.Update(token);
        }
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class RefreshLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "A used refresh token was presented again; session {Session} of account {Account} revoked")]
    public static partial void RefreshTokenReused(this ILogger logger, Guid session, Guid account);
}
