namespace Recruitment.Identity.Features;

internal sealed record PasswordResetRequest(string? Login);

internal sealed record PasswordResetConfirmation(string? Login, string? Code, string? NewPassword);

internal sealed record PasswordResetAccepted(string Message);

/// <summary>The code travels with its hash to the handler that stores one and sends the other; never printed.</summary>
public sealed record RequestPasswordReset(string Login, string Code, string CodeHash, DateTimeOffset ExpiresAt, int CodesPerWindow,
    TimeSpan Window)
{
    public override string ToString() => "RequestPasswordReset { }";
}

/// <summary>
/// A forgotten password: POST /api/auth/password-reset sends a 6-digit code to the account's registered e-mail (or
/// else mobile), valid for 10 minutes, and answers the same whether or not the login exists. POST
/// /api/auth/password-reset/confirm sets a new password with the code (5 tries), ends every session and lifts a
/// lockout. Only a keyed hash of the code is stored. Both routes are limited per address; codes are limited per account.
/// </summary>
internal sealed class ResetPasswordEndpoints : ICarterModule
{
    private const string Accepted = "If the account exists and has an e-mail address or mobile, a code is on its way. It is valid for a few minutes.";

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth/password-reset").WithTags("Auth")
            .AllowAnonymous().RequireRateLimiting(RateLimits.Authentication);
        group.MapPost("", Request);
        group.MapPost("/confirm", Confirm);
    }

    private static async Task<IResult> Request(PasswordResetRequest request, IMessageBus bus, AuthOptions options, TimeProvider clock,
        CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Login))
            throw DomainException.Invalid("auth.login_required", "login is required.");
        var login = Account.Normalise(request.Login);
        var code = RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        await bus.InvokeAsync(new RequestPasswordReset(login, code, CodeHash(options, login, code),
            clock.GetUtcNow() + options.ResetCodeLifetime, options.ResetCodesPerWindow, options.ResetCodeWindow), ct);
        return Results.Accepted(value: new PasswordResetAccepted(Accepted));
    }

    private static async Task<IResult> Confirm(PasswordResetConfirmation request, IIdentityStore store, AuthOptions options,
        IPasswordHasher<Account> hasher, AccountStatusCheck status, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Login) || string.IsNullOrWhiteSpace(request.Code) || string.IsNullOrEmpty(request.NewPassword))
            throw DomainException.Invalid("auth.reset_fields_required", "login, code and newPassword are required.");
        PasswordRules.Check(request.NewPassword);
        var login = Account.Normalise(request.Login);
        var now = clock.GetUtcNow();

        var accountId = await OptimisticRetry.RunAsync(async () =>
        {
            await using var session = store.LightweightSession();
            var reset = await session.LoadAsync<PasswordReset>(login, ct);
            if (reset?.CodeHash is null || reset.ExpiresAt <= now) throw InvalidCode();
            var matches = CryptographicOperations.FixedTimeEquals(
                Encoding.ASCII.GetBytes(CodeHash(options, login, request.Code.Trim())), Encoding.ASCII.GetBytes(reset.CodeHash));
            var account = matches ? await session.Query<Account>().FirstOrDefaultAsync(a => a.Login == login, ct) : null;
            if (account is null)
            {
                // A wrong code uses up a try; the last one closes the challenge.
                if (++reset.FailedAttempts >= options.ResetCodeAttempts) reset.CodeHash = null;
                session.Update(reset);
                await session.SaveChangesAsync(ct);
                throw InvalidCode();
            }
            reset.CodeHash = null;
            session.Update(reset);
            // Whoever proves the mailbox or phone is the holder: a lock from someone else's guessing ends.
            session.Delete<LoginThrottle>(login);
            await session.SaveChangesAsync(ct);
            return account.Id;
        });
        await ChangePasswordEndpoint.SetPasswordAsync(store, hasher, accountId, request.NewPassword, "password-reset", now, ct);
        status.Forget(accountId);
        return Results.NoContent();
    }

    private static DomainException InvalidCode() =>
        DomainException.Invalid("auth.invalid_reset_code", "The code is wrong, expired or used up: ask for a new one.");

    /// <summary>Keyed by the signing secret, so a stolen table does not give the 6-digit codes away by brute force.</summary>
    internal static string CodeHash(AuthOptions options, string login, string code) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(options.SigningKey), Encoding.UTF8.GetBytes($"{login}:{code}")));
}

[MartenStore(typeof(IIdentityStore))]
public static class RequestPasswordResetHandler
{
    public static async Task<PasswordResetCodeIssued?> Handle(RequestPasswordReset command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var reset = await session.LoadAsync<PasswordReset>(command.Login, ct) ?? new PasswordReset { Id = command.Login };
        reset.SentAt.RemoveAll(t => now - t > command.Window);
        // Over the per-account limit: the same answer, nothing sent, the open code stays as it was.
        if (reset.SentAt.Count >= command.CodesPerWindow) return null;

        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Login == command.Login, ct);
        reset.CodeHash = command.CodeHash;
        reset.ExpiresAt = command.ExpiresAt;
        reset.FailedAttempts = 0;
        reset.SentAt.Add(now);
        session.Store(reset);
        if (account is null || account.IsDisabled || (account.Email is null && account.Mobile is null)) return null;
        return new PasswordResetCodeIssued(account.Id, command.Code, account.Email, account.Mobile, command.ExpiresAt, now);
    }
}
