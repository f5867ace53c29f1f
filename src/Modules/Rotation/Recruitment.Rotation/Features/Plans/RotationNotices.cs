using System.Globalization;
using Recruitment.Notifications.Contracts;

namespace Recruitment.Rotation.Features.Plans;

/// <summary>What Rotation's handlers tell people (docs/notifications.md), cascaded in the handler's transaction; never an ID number.</summary>
internal static class RotationNotices
{
    /// <summary>The trainee hears that their plan is approved, once per approval.</summary>
    public static async Task PlanApprovedAsync(IQuerySession session, IMessageContext bus, RotationPlan plan, CancellationToken ct)
    {
        if (await session.LoadAsync<Trainee>(plan.Id, ct) is not { ApplicantId: { } applicant } trainee) return;
        await bus.PublishAsync(new NotifyAccount(applicant, NotificationTemplates.RotationPlanApproved, new Dictionary<string, string>
        {
            ["name"] = trainee.Name,
            ["year"] = trainee.Year.ToString(CultureInfo.InvariantCulture),
        }, "/api/rotation/me/plan", $"plan-approved:{plan.Id}:{plan.Changes}"));
    }

    /// <summary>The base admins of the trainee's base: a reduced-year plan is to be reissued and sent to the center.</summary>
    public static async Task<NotifyStaff?> ReducedYearPlanPendingAsync(IQuerySession session, RotationPlan plan, int revision, CancellationToken ct)
    {
        if (await session.LoadAsync<Trainee>(plan.Id, ct) is not { } trainee || trainee.Departure is not null) return null;
        return new NotifyStaff(Roles.BaseAdmin, plan.BaseCode, NotificationTemplates.ReducedYearPlanPending, new Dictionary<string, string>
        {
            ["name"] = trainee.Name,
            ["year"] = trainee.Year.ToString(CultureInfo.InvariantCulture),
        }, $"/api/rotation/trainees/{plan.Id}/plan", $"plan-reissue:{plan.Id}:{revision}");
    }
}
