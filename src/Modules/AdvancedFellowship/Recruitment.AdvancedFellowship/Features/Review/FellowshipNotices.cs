using Recruitment.Notifications.Contracts;

namespace Recruitment.AdvancedFellowship.Features.Review;

/// <summary>
/// The fellowship's status changes its applicant is told of (FEL-12: the applicant follows their status from submission to
/// certificate), cascaded by the handler that makes the change, in its transaction; never an ID number.
/// </summary>
internal static class FellowshipNotices
{
    public static NotifyAccount Proposed(Fellowship f, DateTimeOffset at) =>
        new(f.ApplicantId, NotificationTemplates.FellowshipProposed, Values(f), Link, $"fellowship-proposed:{f.Id}:{at.UtcTicks}");

    public static NotifyAccount Rejected(Fellowship f, string reason, DateTimeOffset at)
    {
        var values = Values(f);
        values["reason"] = reason;
        return new NotifyAccount(f.ApplicantId, NotificationTemplates.FellowshipRejected, values, Link, $"fellowship-rejected:{f.Id}:{at.UtcTicks}");
    }

    public static NotifyAccount Certified(Fellowship f) =>
        new(f.ApplicantId, NotificationTemplates.FellowshipCertified, Values(f), Link, $"fellowship-certified:{f.Id}");

    private const string Link = "/api/advanced-fellowship/me/application";

    private static Dictionary<string, string> Values(Fellowship f) => new()
    {
        ["name"] = f.Name,
        ["year"] = f.Year.ToString(CultureInfo.InvariantCulture),
    };
}
