namespace Recruitment.Identity.Domain;

/// <summary>
/// The open password-reset challenge of one login: the keyed hash of the one-time code, when it runs out, how many
/// wrong tries it took, and when codes were sent (for the per-account limit). Kept for unknown logins too, so a
/// request costs the same whether or not the account exists.
/// </summary>
internal sealed class PasswordReset
{
    /// <summary>The normalised login.</summary>
    public string Id { get; set; } = "";
    public string? CodeHash { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public int FailedAttempts { get; set; }
    public List<DateTimeOffset> SentAt { get; set; } = [];
}
