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
    public const string InPublicity = "in-publicity";
    public const string AdmissionDeclined = "admission-declined";
    public const string AdmissionRevoked = "admission-revoked";
    public const string OnsiteAppointmentReminder = "onsite-appointment-reminder";
    public const string OnsiteWindowClosing = "onsite-window-closing";
    public const string ExamSessionPublished = "exam-session-published";
    public const string RotationPlanApproved = "rotation-plan-approved";
    public const string ObjectionLodged = "objection-lodged";
    public const string ReducedYearPlanPending = "reduced-year-plan-pending";
    public const string FellowshipProposed = "fellowship-proposed";
    public const string FellowshipRejected = "fellowship-rejected";
    public const string FellowshipCertified = "fellowship-certified";
}
