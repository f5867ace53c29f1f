namespace Recruitment.Enrollment.Features.Applications;

/// <summary>What every application command answers: the application and its status after the command.</summary>
public sealed record ApplicationResult(Guid ApplicationId, string Status);

/// <summary>Lookups shared by the application slices: one place that knows how an application is found and guarded.</summary>
internal static class ApplicationAccess
{
    public static async Task<RecruitmentCycle> Cycle(IQuerySession session, int? year, CancellationToken ct)
    {
        if (year is { } y)
            return await session.LoadAsync<RecruitmentCycle>(y, ct) ?? throw CycleNotFound(y);
        return await session.Query<RecruitmentCycle>().OrderByDescending(c => c.Id).FirstOrDefaultAsync(ct) ?? throw CycleNotFound(null);
    }

    public static DomainException CycleNotFound(int? year) => year is { } y
        ? DomainException.NotFound("cycle.not_found", $"No recruitment cycle for {y}.")
        : DomainException.NotFound("cycle.not_found", "No recruitment cycle is loaded.");

    /// <summary>The caller's own application in a cycle (the latest cycle when none is named).</summary>
    public static async Task<Application> Own(IQuerySession session, Guid applicantId, int? year, CancellationToken ct)
    {
        var query = session.Query<Application>().Where(a => a.ApplicantId == applicantId);
        if (year is { } y) query = query.Where(a => a.Year == y);
        return await query.OrderByDescending(a => a.Year).FirstOrDefaultAsync(ct)
               ?? throw DomainException.NotFound("application.not_found", "You have no application in this cycle.");
    }

    /// <summary>Before a staff command is sent: the application exists and the caller acts for its base.</summary>
    public static async Task EnsureStaffMayAct(IEnrollmentStore store, Guid applicationId, ClaimsPrincipal user, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        await ReadForStaff(session, applicationId, user, ct);
    }

    public static async Task<Application> ReadForStaff(IQuerySession session, Guid applicationId, ClaimsPrincipal user, CancellationToken ct)
    {
        var application = await session.LoadAsync<Application>(applicationId, ct)
                          ?? throw DomainException.NotFound("application.not_found", $"No application {applicationId}.");
        user.EnsureActsForBase(application.BaseCode);
        return application;
    }

    /// <summary>A list filter naming an enum value; anything else is a 400, never an empty list.</summary>
    public static T Filter<T>(string value, string name) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw DomainException.Invalid("request.invalid_filter", $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}.");

    public static DomainException WrongStatus(Application a, string action, params ApplicationStatus[] allowed) =>
        DomainException.Conflict("application.invalid_status",
            $"Cannot {action} an application that is {a.Status}; it must be {string.Join(" or ", allowed)}.");
}
