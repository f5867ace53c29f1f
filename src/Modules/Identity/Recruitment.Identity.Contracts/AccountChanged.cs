namespace Recruitment.Identity.Contracts;

/// <summary>
/// An account was created or changed (contact details, role, base, disabled). Published with every change, the
/// whole current state each time, so consumers (Notifications' address book) upsert by id. <see cref="Version"/>
/// grows with each change; keep the highest.
/// </summary>
public sealed record AccountChanged(
    Guid AccountId,
    string Role,
    string Programme,
    string DisplayName,
    string? BaseCode,
    string? Email,
    string? Mobile,
    bool Disabled,
    long Version,
    DateTimeOffset At);

/// <summary>
/// A password-reset code to deliver to the account holder, by e-mail when an address is known, else by SMS.
/// The code travels only to the delivery; it is never printed.
/// </summary>
public sealed record PasswordResetCodeIssued(Guid AccountId, string Code, string? Email, string? Mobile, DateTimeOffset ExpiresAt, DateTimeOffset At)
{
    public override string ToString() => $"PasswordResetCodeIssued {{ AccountId = {AccountId}, ExpiresAt = {ExpiresAt:O} }}";
}

/// <summary>Repeated failed sign-ins locked an account for a while; its holder is told why.</summary>
public sealed record AccountLocked(Guid AccountId, DateTimeOffset LockedUntil, DateTimeOffset At);
