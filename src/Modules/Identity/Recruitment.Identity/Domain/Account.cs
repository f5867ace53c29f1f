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

    public static string Normalise(string login) => login.Trim().ToUpperInvariant();
}
