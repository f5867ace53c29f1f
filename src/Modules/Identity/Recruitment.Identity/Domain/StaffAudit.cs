namespace Recruitment.Identity.Domain;

/// <summary>
/// One administrative change to an account (created, edited, disabled, enabled, password reset), appended to the
/// account's event stream: the stream is the append-only audit trail. Never carries a password or contact values.
/// </summary>
internal sealed record AccountAdministered(string Action, string Actor, DateTimeOffset At, string? Detail);
