using Microsoft.Extensions.DependencyInjection;

namespace Recruitment.Identity.Features;

/// <summary>
/// Checks a login and password the same way wherever a password is presented (sign-in, first-time password change,
/// two-factor set-up): a per-login failure counter in PostgreSQL that locks the login for a while after too many
/// failures (seen by every node), and the same cost for an unknown login as for a wrong password, so neither the
/// answer nor its timing tells which logins exist.
/// </summary>
internal sealed class SignInGuard(IIdentityStore store, IPasswordHasher<Account> hasher, AuthOptions options, IServiceScopeFactory scopes,
    TimeProvider clock, ILogger<SignInGuard> logger)
{
    // A real hash of a throw-away password with the hasher's own cost: verifying against it takes as long as a real check.
    private static readonly Account Nobody = new();
    private readonly string _dummyHash = hasher.HashPassword(Nobody, Guid.NewGuid().ToString("N"));

    public static DomainException InvalidCredentials() =>
        new("auth.invalid_credentials", "The login or password is wrong.", StatusCodes.Status401Unauthorized);

    /// <summary>The account whose password this is, or a refusal (wrong credentials, or the login is locked).</summary>
    public async Task<Account> VerifyAsync(string login, string password, CancellationToken ct)
    {
        var normalised = Account.Normalise(login);
        var now = clock.GetUtcNow();
        await using var session = store.QuerySession();
        var throttle = await session.LoadAsync<LoginThrottle>(normalised, ct);
        if (throttle is not null && throttle.IsLocked(now)) throw Locked(throttle.LockedUntil!.Value);

        var account = await session.Query<Account>().FirstOrDefaultAsync(a => a.Login == normalised, ct);
        var ok = hasher.VerifyHashedPassword(account ?? Nobody, account?.PasswordHash ?? _dummyHash, password)
                 != PasswordVerificationResult.Failed && account is not null;
        if (!ok)
        {
            // Security audit trail; the login may be an ID number, which the log pipeline masks.
            logger.FailedLogin(login);
            var lockedUntil = await RecordFailureAsync(normalised, account?.Id, ct);
            if (lockedUntil is not null) throw Locked(lockedUntil.Value);
            throw InvalidCredentials();
        }
        if (throttle is { Failures: > 0 }) await ClearAsync(normalised, ct);
        return account!;
    }

    private static DomainException Locked(DateTimeOffset until) =>
        new("auth.account_locked",
            $"Too many failed sign-ins: this login is locked until {until:O}. Wait, or reset the password.",
            StatusCodes.Status423Locked, new Dictionary<string, object?> { ["lockedUntil"] = until });

    /// <summary>
    /// Counts one failure through its handler (<see cref="RecordSignInFailureHandler"/>), which also tells the account
    /// owner of a lock in the same transaction; returns the end of the lock when this failure starts one.
    /// </summary>
    private Task<DateTimeOffset?> RecordFailureAsync(string login, Guid? accountId, CancellationToken ct) =>
        OptimisticRetry.RunAsync(async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
            return (await bus.InvokeAsync<SignInFailureRecorded>(new RecordSignInFailure(login, accountId, options.LockoutFailures, options.LockoutDuration), ct)).LockedUntil;
        });

    private async Task ClearAsync(string login, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        session.Delete<LoginThrottle>(login);
        await session.SaveChangesAsync(ct);
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class SignInLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed login for {Login}")]
    public static partial void FailedLogin(this ILogger logger, string login);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login {Login} locked until {LockedUntil} after repeated failures")]
    public static partial void LoginLocked(this ILogger logger, string login, DateTimeOffset lockedUntil);
}
