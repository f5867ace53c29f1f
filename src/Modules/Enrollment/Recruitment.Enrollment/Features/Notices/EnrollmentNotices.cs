using Recruitment.Notifications.Contracts;

namespace Recruitment.Enrollment.Features.Notices;

/// <summary>
/// What Enrollment's handlers tell people (docs/notifications.md), built in one place and cascaded by the handler that makes
/// the change, in its transaction. Values are names, years, bases, reasons and China times: never an ID number.
/// </summary>
internal static class EnrollmentNotices
{
    /// <summary>A review is told at once; a rejection with its reason and the time left to correct it (ENR-31).</summary>
    public static NotifyAccount? Reviewed(Application a, RecruitmentCycle cycle, string? rejectedFor, DateTimeOffset at)
    {
        if (a.ApplicantId is not { } applicant) return null;
        var values = Values(a, cycle);
        if (rejectedFor is null)
            return new NotifyAccount(applicant, NotificationTemplates.ApplicationApproved, values, "/me/status", $"reviewed:{a.Id}:{at.UtcTicks}");
        values["reason"] = rejectedFor;
        values["deadline"] = Time(cycle.Calendar.RegistrationCloseExclusive);
        return new NotifyAccount(applicant, NotificationTemplates.ApplicationRejected, values, "/me/status", $"reviewed:{a.Id}:{at.UtcTicks}");
    }

    /// <summary>
    /// The candidate learns of the proposal when it becomes public (the publicity list, ENR-57): a base's proposal may still be
    /// withdrawn or changed by the center and the PHC before, so telling earlier would announce what may not stand.
    /// </summary>
    public static NotifyAccount? InPublicity(Application a, RecruitmentCycle cycle, Publicity publicity)
    {
        if (a.ApplicantId is not { } applicant) return null;
        var values = Values(a, cycle);
        values["endsAt"] = Time(publicity.EndsAt);
        return new NotifyAccount(applicant, NotificationTemplates.InPublicity, values, "/publicity", $"publicity:{publicity.Id}:{a.Id}");
    }

    /// <summary>A declined or revoked admission (ENR-65, ENR-67, ENR-58), told once per application.</summary>
    public static NotifyAccount? Departed(Application a, RecruitmentCycle cycle, Departure departure, string reason)
    {
        if (a.ApplicantId is not { } applicant || departure == Departure.NOT_REPORTED) return null;
        var values = Values(a, cycle);
        if (departure == Departure.DECLINED)
            return new NotifyAccount(applicant, NotificationTemplates.AdmissionDeclined, values, "/me/status", $"declined:{a.Id}");
        values["reason"] = reason;
        return new NotifyAccount(applicant, NotificationTemplates.AdmissionRevoked, values, "/me/status", $"revoked:{a.Id}");
    }

    /// <summary>Tells the applicant of a departure their handler just appended (the cycle read for the base's names).</summary>
    public static async Task TellDepartedAsync(IDocumentSession session, IMessageContext bus, Application a, Departure departure, string reason,
        CancellationToken ct)
    {
        if (await session.LoadAsync<RecruitmentCycle>(a.Year, ct) is { } cycle && Departed(a, cycle, departure, reason) is { } told)
            await bus.PublishAsync(told);
    }

    /// <summary>A new objection puts a candidate on hold: the base admins of the candidate's base and the center are told (ENR-58).</summary>
    public static IEnumerable<NotifyStaff> ObjectionLodged(Application a, RecruitmentCycle cycle, Guid objectionId)
    {
        var values = Values(a, cycle);
        yield return new NotifyStaff(Roles.BaseAdmin, a.BaseCode, NotificationTemplates.ObjectionLodged, values, $"/base/applications/{a.Id}",
            $"objection:{objectionId}");
        yield return new NotifyStaff(Roles.CenterAdmin, null, NotificationTemplates.ObjectionLodged, values, $"/api/enrollment/applications/{a.Id}",
            $"objection:{objectionId}");
    }

    public static NotifyAccount? AppointmentReminder(Application a, RecruitmentCycle cycle, AppointmentSlot slot)
    {
        if (a.ApplicantId is not { } applicant) return null;
        var values = Values(a, cycle);
        values["start"] = Time(slot.Start);
        values["place"] = slot.Place;
        // Keyed by slot: a rebooked appointment is reminded again, the same one never twice.
        return new NotifyAccount(applicant, NotificationTemplates.OnsiteAppointmentReminder, values, "/me/appointment", $"onsite-reminder:{a.Id}:{slot.Id}");
    }

    public static NotifyAccount? WindowClosing(Application a, RecruitmentCycle cycle)
    {
        if (a.ApplicantId is not { } applicant) return null;
        var values = Values(a, cycle);
        values["deadline"] = Time(cycle.Calendar.OnsiteConfirmationEnd);
        return new NotifyAccount(applicant, NotificationTemplates.OnsiteWindowClosing, values, "/me/appointment", $"onsite-closing:{a.Id}");
    }

    private static Dictionary<string, string> Values(Application a, RecruitmentCycle cycle)
    {
        var trainingBase = cycle.Bases.FirstOrDefault(b => b.Code == a.BaseCode);
        return new Dictionary<string, string>
        {
            ["name"] = a.Name,
            ["year"] = a.Year.ToString(CultureInfo.InvariantCulture),
            ["baseName"] = trainingBase?.NameZh ?? a.BaseCode,
            ["baseNameEn"] = trainingBase?.NameEn ?? a.BaseCode,
        };
    }

    /// <summary>China time, as every date of the platform is read.</summary>
    internal static string Time(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
