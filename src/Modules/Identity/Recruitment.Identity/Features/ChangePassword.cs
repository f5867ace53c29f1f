namespace Recruitment.Identity.Features;

/// <summary>The login is needed only when not signed in (a temporary password must be replaced before signing in).</summary>
internal sealed record ChangePasswordRequest(string? CurrentPassword, string? NewPassword, string? Login = null);

/// <summary>
/// POST /api/auth/password: a new password for the signed-in caller, or for the login in the body when the current
/// password is a temporary one. The current password is always required (and counts towards the lockout). Every
/// refresh token of the account is revoked: other devices must sign in again.
/// </summary>
internal sealed class ChangePasswordEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/auth/password", Handle)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Authentication)
            .WithTags("Auth");

    private static async Task<IResult> Handle(ChangePasswordRequest request, ClaimsPrincipal user, IIdentityStore store,
        SignInGuard guard, IPasswordHasher<Account> hasher, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(request.CurrentPassword) || string.IsNullOrEmpty(request.NewPassword))
            throw DomainException.Invalid("auth.password_required", "currentPassword and newPassword are required.");
        PasswordRules.Check(request.NewPassword);
        if (request.NewPassword == request.CurrentPassword)
            throw DomainException.Invalid("auth.password_unchanged", "The new password must differ from the current one.");

        string login;
        if (user.Identity?.IsAuthenticated == true && user.FindFirstValue(RecruitmentClaims.Subject) is { } subject)
        {
            await using var query = store.QuerySession();
            login = (await query.LoadAsync<Account>(Guid.Parse(subject), ct))?.Login
                    ?? throw DomainException.Forbidden("auth.no_account", "The caller has no account.");
        }
        else
        {
            login = string.IsNullOrWhiteSpace(request.Login)
                ? throw DomainException.Invalid("auth.credentials_required", "Sign in, or give the login, to change a password.")
                : request.Login;
        }

        var account = await guard.VerifyAsync(login, request.CurrentPassword, ct);
        if (account.IsDisabled)
            throw DomainException.Forbidden("auth.account_disabled", "This account is disabled; ask the provincial center.");
        await SetPasswordAsync(store, hasher, account.Id, request.NewPassword, "password-changed", clock.GetUtcNow(), ct);
        return Results.NoContent();
    }

    /// <summary>Stores a new password chosen by the holder and ends every session of the account.</summary>
    public static async Task SetPasswordAsync(IIdentityStore store, IPasswordHasher<Account> hasher, Guid accountId,
        string password, string reason, DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var account = await session.LoadAsync<Account>(accountId, ct)
                      ?? throw DomainException.NotFound("account.not_found", "No such account.");
        account.PasswordHash = hasher.HashPassword(account, password);
        account.MustChangePassword = false;
        account.PasswordChangedAt = now;
        session.Update(account);
        await RefreshSessionEndpoints.RevokeAsync(session, t => t.AccountId == accountId, reason, now, ct);
        await session.SaveChangesAsync(ct);
    }
}
