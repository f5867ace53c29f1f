using System.Globalization;
using Recruitment.Enrollment.Contracts;
using Recruitment.Examination.Contracts;
using Recruitment.Notifications.Contracts;

namespace Recruitment.Notifications.Features;

/// <summary>
/// What the other modules announce, turned into notifications for the people concerned (docs/notifications.md).
/// Each is keyed, so a redelivered event notifies once.
/// </summary>
[MartenStore(typeof(INotificationsStore))]
public static class TriggersHandler
{
    /// <summary>A rejection is sent at once, with its reason and the time left to correct it (ENR-31).</summary>
    public static async Task<NotifyAccount?> Handle(ApplicationReviewed reviewed, IQuerySession session, CancellationToken ct)
    {
        if (reviewed.ApplicantId is not { } applicant) return null;
        var (zh, en) = await BaseNamesAsync(session, reviewed.BaseCode, ct);
        var values = new Dictionary<string, string>
        {
            ["name"] = reviewed.Name,
            ["year"] = reviewed.Year.ToString(CultureInfo.InvariantCulture),
            ["baseName"] = zh,
            ["baseNameEn"] = en,
        };
        if (reviewed.Approved)
            return new NotifyAccount(applicant, Catalogue.ApplicationApproved, values, "/me/status",
                $"reviewed:{reviewed.ApplicationId}:{reviewed.At.UtcTicks}");
        values["reason"] = reviewed.Reason ?? "";
        values["deadline"] = reviewed.RegistrationClosesAt.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return new NotifyAccount(applicant, Catalogue.ApplicationRejected, values, "/me/status",
            $"reviewed:{reviewed.ApplicationId}:{reviewed.At.UtcTicks}");
    }

    private static async Task<(string Zh, string En)> BaseNamesAsync(IQuerySession session, string code, CancellationToken ct) =>
        await session.LoadAsync<BaseName>(code, ct) is { } b ? (b.NameZh, b.NameEn) : (code, code);
}
