namespace Recruitment.Identity.Contracts;

/// <summary>
/// Create a login. Sent (request/response) by the modules that own self-registration
/// (Enrollment for residency applicants, AdvancedFellowship for fellowship applicants).
/// <paramref name="Login"/> is the document number for applicants and the user name for staff.
/// </summary>
public sealed record RegisterAccount(
    string Login,
    string Password,
    string Role,
    string Programme,
    string DisplayName,
    string? BaseCode = null);

public sealed record AccountRegistered(Guid AccountId);
