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
    public const string InPublicity = NotificationTemplates.InPublicity;
    public const string AdmissionDeclined = NotificationTemplates.AdmissionDeclined;
    public const string AdmissionRevoked = NotificationTemplates.AdmissionRevoked;
    public const string OnsiteAppointmentReminder = NotificationTemplates.OnsiteAppointmentReminder;
    public const string OnsiteWindowClosing = NotificationTemplates.OnsiteWindowClosing;
    public const string ExamSessionPublished = NotificationTemplates.ExamSessionPublished;
    public const string RotationPlanApproved = NotificationTemplates.RotationPlanApproved;
    public const string ObjectionLodged = NotificationTemplates.ObjectionLodged;
    public const string ReducedYearPlanPending = NotificationTemplates.ReducedYearPlanPending;
    public const string FellowshipProposed = NotificationTemplates.FellowshipProposed;
    public const string FellowshipRejected = NotificationTemplates.FellowshipRejected;
    public const string FellowshipCertified = NotificationTemplates.FellowshipCertified;

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
            "平台有 {count} 条 {messageType} 消息在多次重试后仍处理失败，已移入死信队列。请在运维健康页面查看。",
            "{count} {messageType} message(s) failed after every retry and were moved to the dead-letter queue. See the operations health page.",
            Email: true, Sms: false),
        new Template(InPublicity,
            "拟录取公示", "Proposed for admission: in publicity",
            "{name}：您已列入{year}年住院医师规范化培训拟录取名单（{baseName}），公示至 {endsAt}。公示期满无异议后方为正式录取。",
            "{name}: you are on the {year} residency training list of proposed admissions ({baseNameEn}), in publicity until {endsAt}. You are admitted only when publicity ends without a standing objection.",
            Email: true, Sms: true),
        new Template(AdmissionDeclined,
            "已放弃录取资格", "Admission declined",
            "{name}：您已放弃{baseName}{year}年住院医师规范化培训录取资格，录取通知书同时作废。",
            "{name}: you have declined your {year} residency training place at {baseNameEn}; the admission notice is withdrawn with it.",
            Email: true, Sms: false),
        new Template(AdmissionRevoked,
            "录取资格已撤销", "Admission revoked",
            "{name}：您{year}年住院医师规范化培训录取资格（{baseName}）已被省卫生健康委撤销，录取通知书同时作废。原因：{reason}。",
            "{name}: your {year} residency training admission ({baseNameEn}) was revoked by the provincial health commission; the admission notice is withdrawn. Reason: {reason}.",
            Email: true, Sms: true),
        new Template(OnsiteAppointmentReminder,
            "现场确认提醒", "On-site confirmation reminder",
            "{name}：您预约的现场确认时间为 {start}，地点：{place}（{baseName}）。请携带报名材料原件按时到场。",
            "{name}: your on-site confirmation appointment is at {start}, {place} ({baseNameEn}). Bring the originals of your application documents.",
            Email: true, Sms: true),
        new Template(OnsiteWindowClosing,
            "现场确认即将截止", "On-site confirmation closes soon",
            "{name}：{baseName}的现场确认将于 {deadline} 截止，您尚未完成确认。逾期未确认将不能参加考试。",
            "{name}: on-site confirmation at {baseNameEn} closes at {deadline} and you have not been confirmed yet. Without it you cannot sit the exams.",
            Email: true, Sms: true),
        new Template(ExamSessionPublished,
            "考试安排已发布", "Exam session published",
            "{year}年{exam}安排已发布：{start} 至 {end}，地点：{place}。",
            "The {year} {examEn} is scheduled: {start} to {end}, at {place}.",
            Email: true, Sms: true),
        new Template(RotationPlanApproved,
            "轮转计划已审核通过", "Rotation plan approved",
            "{name}：您{year}年的轮转计划已审核通过，请按计划参加各科室轮转。",
            "{name}: your {year} rotation plan is approved. Rotate through the departments as planned.",
            Email: true, Sms: false),
        new Template(ObjectionLodged,
            "公示期收到异议", "Objection during publicity",
            "{baseName}拟录取人员 {name}（{year}年）在公示期间收到异议，录取暂停，待省卫生健康委处理。",
            "{name}, proposed for admission at {baseNameEn} ({year}), received an objection during publicity: admission is on hold until the provincial health commission resolves it.",
            Email: true, Sms: false),
        new Template(ReducedYearPlanPending,
            "减免年限轮转计划待重新编制", "Reduced-year rotation plan to be reissued",
            "学员 {name}（{year}年）的培训年限减免结论已变更，原轮转计划作废，请重新编制并提交中心审核。",
            "The training-year exemption decision of trainee {name} ({year}) changed: the rotation plan must be reissued and submitted to the center.",
            Email: true, Sms: false),
        new Template(FellowshipProposed,
            "进修拟录取", "Fellowship: proposed for admission",
            "{name}：您{year}年优秀青年医师进修申请已审核通过，列入拟录取名单，录取通知书将另行签发。",
            "{name}: your {year} fellowship application passed review and you are proposed for admission; the admission notice follows.",
            Email: true, Sms: true),
        new Template(FellowshipRejected,
            "进修申请未通过", "Fellowship application not accepted",
            "{name}：您{year}年优秀青年医师进修申请未通过审核。原因：{reason}。",
            "{name}: your {year} fellowship application was not accepted. Reason: {reason}.",
            Email: true, Sms: true),
        new Template(FellowshipCertified,
            "进修结业证书已签发", "Fellowship certificate issued",
            "{name}：您{year}年优秀青年医师进修已通过结业考核，结业证书已签发。",
            "{name}: you passed the final assessment of your {year} fellowship and your certificate of completion is issued.",
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
