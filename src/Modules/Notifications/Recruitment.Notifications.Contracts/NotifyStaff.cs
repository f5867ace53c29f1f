namespace Recruitment.Notifications.Contracts;

/// <summary>
/// Tell every enabled staff account of one role (of one base, when <paramref name="BaseCode"/> is given) something with a
/// template of the notification catalogue. The sending module does not know who holds the role; Notifications does (its
/// address book), and turns this into one <see cref="NotifyAccount"/> per holder with the same <paramref name="Key"/>, so a
/// repeated message tells nobody twice. Values never carry an ID number.
/// </summary>
public sealed record NotifyStaff(string Role, string? BaseCode, string Template, IReadOnlyDictionary<string, string> Values, string? Link, string Key);
