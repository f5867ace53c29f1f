using System.Globalization;
using Recruitment.Notifications.Contracts;

namespace Recruitment.Identity.Features;

/// <summary>
/// One failed password for a (normalised) login; <paramref name="AccountId"/> is null for a login nobody holds. The lockout
/// settings travel with it (Auth options are the module's own).
/// </summary>
public sealed record RecordSignInFailure(string Login, Guid? AccountId, int LockoutFailures, TimeSpan LockoutDuration);

public sealed record SignInFailureRecorded(DateTimeOffset? LockedUntil);

/// <summary>
/// The per-login failure counter behind <see cref="SignInGuard"/>: after too many failures the login is locked for a while,
/// and the owner of a real account is told (<c>account-locked</c>, by inbox and e-mail), so that someone guessing their
/// password does not go unnoticed. A login nobody holds is counted the same way and tells nobody.
/// </summary>
[MartenStore(typeof(IIdentityStore))]
public static class RecordSignInFailureHandler
{
    public static async Task<(SignInFailureRecorded, NotifyAccount?)> Handle(RecordSignInFailure command, IDocumentSession session,
        TimeProvider clock, ILogger<RecordSignInFailure> logger, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var throttle = await session.LoadAsync<LoginThrottle>(command.Login, ct);
        var isNew = throttle is null;
        throttle ??= new LoginThrottle { Id = command.Login };
        // A lock that has run out starts a fresh count; so does a quiet spell as long as a lock.
        if (throttle.LockedUntil is { } until && until <= now || now - throttle.LastFailureAt > command.LockoutDuration)
        {
            throttle.Failures = 0;
            throttle.LockedUntil = null;
        }
        throttle.Failures++;
        throttle.LastFailureAt = now;
        DateTimeOffset? lockedUntil = null;
        if (throttle.Failures >= command.LockoutFailures)
        {
            lockedUntil = throttle.LockedUntil = now + command.LockoutDuration;
            throttle.Failures = 0;
            logger.LoginLocked(command.Login, lockedUntil.Value);
        }
        if (isNew) session.Insert(throttle);
        else session.Update(throttle);

        if (lockedUntil is not { } locked || command.AccountId is not { } owner) return (new SignInFailureRecorded(lockedUntil), null);
        return (new SignInFailureRecorded(lockedUntil), new NotifyAccount(owner, NotificationTemplates.AccountLocked, new Dictionary<string, string>
        {
            ["until"] = locked.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        }, "/forgot-password", $"locked:{locked.UtcTicks}"));
    }
}
