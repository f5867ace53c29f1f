using System.Text.RegularExpressions;
using Recruitment.Notifications.Contracts;

namespace Recruitment.Notifications.Domain;

/// <summary>A notification template: Chinese first, English after; which channels besides the inbox carry it.</summary>
internal sealed record Template(string Key, string TitleZh, string TitleEn, string BodyZh, string BodyEn, bool Email, bool Sms)
{
    public IReadOnlySet<string> Placeholders { get; } =
        Catalogue.Placeholder().Matches(TitleZh + TitleEn + BodyZh + BodyEn).Select(m => m.Groups[1].Value).ToHashSet();
}

/// <summary>
/// Every notification the platform sends (docs/notifications.md lists them with their triggers). Values never
/// carry an ID number: names, years, bases, reasons and dates only.
/// </summary>
internal static partial class Catalogue
{
    [GeneratedRegex(@"\{([a-zA-Z]+)\}")]
    internal static partial Regex Placeholder();

    public const string PasswordResetCode = NotificationTemplates.PasswordResetCode;
    public const string ApplicationRejected = NotificationTemplates.ApplicationRejected;
    public const string ApplicationApproved = NotificationTemplates.ApplicationApproved;
    public const string ResultsPublished = NotificationTemplates.ResultsPublished;
    public const string Admitted = NotificationTemplates.Admitted;
    public const string FellowshipNoticeIssued = NotificationTemplates.FellowshipNoticeIssued;
    public const string AccountLocked = NotificationTemplates.AccountLocked;
    public const string DeadLetter = NotificationTemplates.DeadLetter;

    public static readonly IReadOnlyDictionary<string, Template> All = new[]
    {
        new Template(PasswordResetCode,
            "密码重置验证码", "Password reset code",
            "您的密码重置验证码是 {code}，{minutes} 分钟内有效。如非本人操作，请忽略本消息。",
            "Your password reset code is {code}. It is valid for {minutes} minutes. If you did not ask for it, ignore this message.",
            Email: true, Sms: true),
        new Template(ApplicationRejected,
            "报名审核未通过", "Application not approved",
            "{name}：您{year}年住院医师规范化培训报名（{baseName}）未通过资格审核。原因：{reason}。报名截止（{deadline}）前可修改后重新提交。",
            "{name}: your {year} residency training application ({baseNameEn}) was not approved. Reason: {reason}. You may correct it and submit again before registration closes ({deadline}).",
            Email: true, Sms: true),
        new Template(ApplicationApproved,
            "报名审核已通过", "Application approved",
            "{name}：您{year}年住院医师规范化培训报名（{baseName}）已通过资格审核，请按通知参加现场确认。",
            "{name}: your {year} residency training application ({baseNameEn}) was approved. Please attend on-site confirmation as announced.",
            Email: true, Sms: false),
        new Template(ResultsPublished,
            "考试成绩已发布", "Exam results published",
            "您{year}年招录考试成绩已发布，请登录平台查看。",
            "Your {year} recruitment exam results are published. Sign in to the platform to see them.",
            Email: true, Sms: true),
        new Template(Admitted,
            "录取结果", "Admission result",
            "{name}：公示期已结束，您已被{baseName}录取（{year}年住院医师规范化培训）。请按基地通知报到。",
            "{name}: publicity has ended and you are admitted to {baseNameEn} ({year} residency training). Report to the base as it instructs.",
            Email: true, Sms: true),
        new Template(FellowshipNoticeIssued,
            "进修录取通知书已签发", "Fellowship admission notice issued",
            "{name}：您{year}年进修的录取通知书已签发，请于{reportingDate}到医院报到，报到时携带通知书所列材料。",
            "{name}: your {year} fellowship admission notice is issued. Report to the hospital on {reportingDate} with the documents it lists.",
            Email: true, Sms: true),
        new Template(AccountLocked,
            "账号暂时锁定", "Account temporarily locked",
            "由于多次登录失败，您的账号已锁定至 {until}。如非本人操作，请在解锁后重置密码。",
            "After repeated failed sign-ins your account is locked until {until}. If this was not you, reset your password once it unlocks.",
            Email: true, Sms: false),
        new Template(DeadLetter,
            "消息处理失败", "A message could not be processed",
            "平台有 {count} 条消息在多次重试后仍处理失败，已移入死信队列。请在运维健康页面查看。",
            "{count} message(s) failed after every retry and were moved to the dead-letter queue. See the operations health page.",
            Email: true, Sms: false),
    }.ToDictionary(t => t.Key);

    public static (string TitleZh, string TitleEn, string BodyZh, string BodyEn) Render(Template template, IReadOnlyDictionary<string, string> values)
    {
        string Fill(string text) => Placeholder().Replace(text, m => values.TryGetValue(m.Groups[1].Value, out var v) ? v : m.Value);
        var missing = template.Placeholders.Where(p => !values.ContainsKey(p)).ToList();
        if (missing.Count > 0)
            throw new ArgumentException($"Template {template.Key} needs {string.Join(", ", missing)}.", nameof(values));
        return (Fill(template.TitleZh), Fill(template.TitleEn), Fill(template.BodyZh), Fill(template.BodyEn));
    }
}
