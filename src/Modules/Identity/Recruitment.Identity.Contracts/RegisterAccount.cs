namespace Recruitment.Identity.Contracts;

/// <summary>
/// Create a login. Sent (request/response) by the modules that own self-registration
/// (Enrollment for residency applicants, AdvancedFellowship for fellowship applicants).
/// <paramref name="Login"/> is the document number for applicants and the user name for staff.
/// <paramref name="Mobile"/> and <paramref name="Email"/> are where a password-reset code and notifications go.
/// </summary>
public sealed record RegisterAccount(
    string Login,
    string Password,
    string Role,
    string Programme,
    string DisplayName,
    string? BaseCode = null,
    string? Mobile = null,
    string? Email = null)
{
    // The password stays out of the record's printed form, which frameworks write to logs.
    public override string ToString() => $"RegisterAccount {{ Role = {Role}, Programme = {Programme} }}";
}

public sealed record AccountRegistered(Guid AccountId);
