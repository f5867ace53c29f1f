namespace Recruitment.Notifications.Contracts;

/// <summary>
/// Tell one account holder something with a template of the notification catalogue (docs/notifications.md).
/// <paramref name="Values"/> fill the template's placeholders; never put an ID number in them.
/// <paramref name="Link"/> is the route of the thing the notification is about. <paramref name="Key"/> makes a
/// redelivered or repeated request a no-op: one notification per key and account.
/// </summary>
public sealed record NotifyAccount(Guid AccountId, string Template, IReadOnlyDictionary<string, string> Values, string? Link, string Key);
