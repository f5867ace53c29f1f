using System.Text.RegularExpressions;

namespace Recruitment.Identity.Features;

/// <summary>Where a reset code and notifications may be sent: a plausible e-mail address and a mainland mobile.</summary>
internal static partial class ContactRules
{
    [GeneratedRegex(@"^[^@\s\p{C}]{1,64}@[^@\s\p{C}]+\.[^@\s\p{C}]+$")]
    private static partial Regex EmailShape();

    public static string? Email(string? email)
    {
        var value = email?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Length > 254 || !EmailShape().IsMatch(value))
            throw DomainException.Invalid("account.invalid_email", "email must be an e-mail address (at most 254 characters).");
        return value;
    }

    public static string? Mobile(string? mobile)
    {
        var value = mobile?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (!MobileNumber.IsValid(value))
            throw DomainException.Invalid("account.invalid_mobile", "mobile must be an 11-digit mainland mobile number starting with 1.");
        return value;
    }
}
