namespace Recruitment.Notifications.Contracts;

/// <summary>The catalogue's template names a module may send with <see cref="NotifyAccount"/> (docs/notifications.md).</summary>
public static class NotificationTemplates
{
    public const string PasswordResetCode = "password-reset-code";
    public const string ApplicationRejected = "application-rejected";
    public const string ApplicationApproved = "application-approved";
    public const string ResultsPublished = "results-published";
    public const string Admitted = "admitted";
    public const string FellowshipNoticeIssued = "fellowship-notice-issued";
    public const string AccountLocked = "account-locked";
    public const string DeadLetter = "dead-letter";
}
