namespace Recruitment.Web.Shared;

/// <summary>What the forgot-password and change-password forms share: the new password's checks and where refusals go.</summary>
public static class PasswordForms
{
    /// <summary>On these forms a weak or unchanged password concerns the new password field.</summary>
    public static readonly IReadOnlyDictionary<string, string> NewPasswordFields = new Dictionary<string, string>
    {
        ["account.weak_password"] = "newPassword",
        ["auth.password_unchanged"] = "newPassword",
        ["auth.invalid_credentials"] = "currentPassword",
    };

    /// <summary>The server's password rule and the repeated entry, checked before sending.</summary>
    public static void Check(Texts t, FormErrors errors, string newPassword, string confirm)
    {
        if (DocumentCheck.PasswordProblem(t, newPassword) is { } weak) errors.Add("newPassword", weak);
        if (newPassword != confirm) errors.Add("confirm", t["register.confirm.mismatch"]);
    }
}
