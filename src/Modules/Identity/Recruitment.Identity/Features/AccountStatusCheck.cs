using System.Collections.Concurrent;

namespace Recruitment.Identity.Features;

/// <summary>
/// Refuses a still-valid access token whose account has been disabled, or whose password changed after the token was
/// issued. Each node asks PostgreSQL at most once per account per cache lifetime, so a disabled staff member loses
/// access on every node within that lifetime (and in any case when the short access token expires).
/// </summary>
internal sealed class AccountStatusCheck(IIdentityStore store, AuthOptions options, TimeProvider clock)
{
    private sealed record Status(bool Disabled, DateTimeOffset? PasswordChangedAt, DateTimeOffset CheckedAt);

    private readonly ConcurrentDictionary<Guid, Status> _cache = new();

    public async Task<string?> ProblemAsync(ClaimsPrincipal user, JsonWebToken? token, CancellationToken ct)
    {
        if (!Guid.TryParse(user.FindFirstValue(BuildingBlocks.RecruitmentClaims.Subject), out var accountId)) return null;
        var now = clock.GetUtcNow();
        if (!_cache.TryGetValue(accountId, out var status) || now - status.CheckedAt > options.AccountStatusCacheLifetime
                                                          || status.CheckedAt > now)
        {
            await using var session = store.QuerySession();
            var account = await session.LoadAsync<Account>(accountId, ct);
            status = new Status(account is null || account.IsDisabled, account?.PasswordChangedAt, now);
            _cache[accountId] = status;
        }
        if (status.Disabled) return "The account is disabled.";
        // Token times have whole seconds; a token issued in the same second as the change is the new one.
        if (token is not null && status.PasswordChangedAt is { } changed && token.IssuedAt < changed.UtcDateTime.AddSeconds(-1))
            return "The password changed after this token was issued.";
        return null;
    }

    /// <summary>Forget what this node knows of an account it just changed.</summary>
    public void Forget(Guid accountId) => _cache.TryRemove(accountId, out _);
}
