namespace Recruitment.Identity.Domain;

/// <summary>
/// Failed sign-ins of one login, shared by every node through PostgreSQL (the per-address limiter is per node).
/// Kept for unknown logins too, so that a lock says nothing about whether an account exists.
/// </summary>
internal sealed class LoginThrottle
{
    /// <summary>The normalised login.</summary>
    public string Id { get; set; } = "";
    public int Failures { get; set; }
    public DateTimeOffset LastFailureAt { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    public bool IsLocked(DateTimeOffset now) => LockedUntil is { } until && until > now;
}
