namespace Recruitment.Identity.Domain;

/// <summary>A login: an applicant keyed by document number, or a staff member keyed by user name.
/// Public only because a Wolverine handler takes the password hasher typed on it.</summary>
public sealed class Account
{
    public Guid Id { get; set; }
    /// <summary>Normalised login (upper-case document number or lower-case user name); unique.</summary>
    public string Login { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public string Role { get; set; } = "";
    public string Programme { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string? BaseCode { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Where a password-reset code and notifications go; both optional.</summary>
    public string? Email { get; set; }
    public string? Mobile { get; set; }

    /// <summary>A disabled account cannot sign in or refresh; its refresh tokens are revoked when it is disabled.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
    /// <summary>Set for a temporary password chosen by an administrator: the holder must choose their own before signing in.</summary>
    public bool MustChangePassword { get; set; }
    public DateTimeOffset? PasswordChangedAt { get; set; }

    /// <summary>TOTP shared secret (Base32), present once two-factor sign-in is confirmed.</summary>
    public string? TotpSecret { get; set; }
    /// <summary>A secret offered by set-up and not yet confirmed by a first code.</summary>
    public string? PendingTotpSecret { get; set; }
    /// <summary>Hashes of the unused one-time recovery codes.</summary>
    public List<string> RecoveryCodeHashes { get; set; } = [];

    /// <summary>Grows with every change published as <see cref="Contracts.AccountChanged"/>.</summary>
    public long Version { get; set; }

    /// <summary>Counts a change and describes the account as it now is, for the other modules.</summary>
    public Contracts.AccountChanged Changed(DateTimeOffset now) =>
        new(Id, Role, Programme, DisplayName, BaseCode, Email, Mobile, IsDisabled, ++Version, now);

    public bool IsStaff => Role != BuildingBlocks.Roles.Applicant;
    public bool IsDisabled => DisabledAt is not null;

    public static string Normalise(string login) => login.Trim().ToUpperInvariant();
}
