using OtpNet;

namespace Recruitment.Identity.Features;

internal sealed record TwoFactorSetupRequest(string? Login, string? Password, string? Otp = null);

internal sealed record TwoFactorSetup(string Secret, string OtpauthUri);

/// <summary>The recovery codes are shown once, here; only their hashes are kept.</summary>
internal sealed record TwoFactorEnabled(IReadOnlyList<string> RecoveryCodes);

/// <summary>
/// Two-factor sign-in with a TOTP authenticator app. Set-up is proven by the password (and works before the first
/// sign-in, since accounts that require two-factor cannot sign in without it):
/// POST /api/auth/two-factor/setup offers a secret; POST /api/auth/two-factor/confirm turns it on with a first code
/// and answers ten one-time recovery codes.
/// </summary>
internal sealed class TwoFactorEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth/two-factor").WithTags("Auth")
            .AllowAnonymous().RequireRateLimiting(RateLimits.Authentication);
        group.MapPost("/setup", Setup);
        group.MapPost("/confirm", Confirm);
    }

    private static async Task<TwoFactorSetup> Setup(TwoFactorSetupRequest request, SignInGuard guard, IIdentityStore store,
        AuthOptions options, CancellationToken ct)
    {
        var account = await VerifyAsync(request, guard, ct);
        if (account.TotpSecret is not null)
            throw DomainException.Conflict("two_factor.already_enabled", "Two-factor sign-in is already on for this account.");
        var secret = Base32Encoding.ToString(KeyGeneration.GenerateRandomKey(20));
        await using var session = store.LightweightSession();
        account.PendingTotpSecret = secret;
        session.Update(account);
        await session.SaveChangesAsync(ct);
        var label = Uri.EscapeDataString($"{options.Issuer}:{account.Login.ToLowerInvariant()}");
        return new TwoFactorSetup(secret, $"otpauth://totp/{label}?secret={secret}&issuer={Uri.EscapeDataString(options.Issuer)}");
    }

    private static async Task<TwoFactorEnabled> Confirm(TwoFactorSetupRequest request, SignInGuard guard, IIdentityStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var account = await VerifyAsync(request, guard, ct);
        if (account.TotpSecret is not null)
            throw DomainException.Conflict("two_factor.already_enabled", "Two-factor sign-in is already on for this account.");
        if (account.PendingTotpSecret is null)
            throw new DomainException("two_factor.not_set_up", "Ask for a secret with POST /api/auth/two-factor/setup first.");
        if (string.IsNullOrWhiteSpace(request.Otp) || !TwoFactorCheck.Verify(account.PendingTotpSecret, request.Otp, clock.GetUtcNow()))
            throw DomainException.Invalid("two_factor.invalid_code", "The authenticator code is wrong or expired.");

        var codes = Enumerable.Range(0, 10).Select(_ => TwoFactorCheck.NewRecoveryCode()).ToList();
        await using var session = store.LightweightSession();
        account.TotpSecret = account.PendingTotpSecret;
        account.PendingTotpSecret = null;
        account.RecoveryCodeHashes = codes.Select(TwoFactorCheck.HashRecoveryCode).ToList();
        session.Update(account);
        await session.SaveChangesAsync(ct);
        return new TwoFactorEnabled(codes);
    }

    private static async Task<Account> VerifyAsync(TwoFactorSetupRequest request, SignInGuard guard, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Login) || string.IsNullOrEmpty(request.Password))
            throw DomainException.Invalid("auth.credentials_required", "login and password are required.");
        var account = await guard.VerifyAsync(request.Login, request.Password, ct);
        IssueTokenEndpoint.EnsureMaySignIn(account);
        return account;
    }
}

/// <summary>The second factor at sign-in: required when the account has it on, or when its role demands it.</summary>
internal sealed class TwoFactorCheck(AuthOptions options, TimeProvider clock)
{
    public void EnsureSatisfied(IDocumentSession session, Account account, string? otp, string? recoveryCode)
    {
        if (account.TotpSecret is null)
        {
            if (options.TwoFactorRequiredRoles.Contains(account.Role))
                throw DomainException.Forbidden("auth.two_factor_setup_required",
                    "This role signs in with two factors: set up an authenticator with POST /api/auth/two-factor/setup.");
            return;
        }
        if (!string.IsNullOrWhiteSpace(otp))
        {
            if (Verify(account.TotpSecret, otp, clock.GetUtcNow())) return;
            throw InvalidSecondFactor();
        }
        if (!string.IsNullOrWhiteSpace(recoveryCode))
        {
            var hash = HashRecoveryCode(recoveryCode);
            if (!account.RecoveryCodeHashes.Remove(hash)) throw InvalidSecondFactor();
            // A recovery code works once.
            session.Update(account);
            return;
        }
        throw new DomainException("auth.two_factor_required", "Give the code of your authenticator app (otp) or a recovery code.",
            StatusCodes.Status401Unauthorized);
    }

    private static DomainException InvalidSecondFactor() =>
        new("auth.invalid_two_factor_code", "The authenticator or recovery code is wrong.", StatusCodes.Status401Unauthorized);

    public static bool Verify(string secret, string code, DateTimeOffset now) =>
        new Totp(Base32Encoding.ToBytes(secret)).VerifyTotp(now.UtcDateTime, code.Trim(), out _, VerificationWindow.RfcSpecifiedNetworkDelay);

    public static string NewRecoveryCode()
    {
        const string alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
        return string.Create(11, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = i == 5 ? '-' : alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }

    public static string HashRecoveryCode(string code) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(code.Trim().ToLowerInvariant())));
}
