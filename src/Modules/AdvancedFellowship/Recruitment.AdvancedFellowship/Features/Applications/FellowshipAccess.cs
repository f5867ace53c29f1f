using JasperFx;
using Npgsql;

namespace Recruitment.AdvancedFellowship.Features.Applications;

/// <summary>What every application and fellow command answers: the record and its status after the command.</summary>
public sealed record FellowshipResult(Guid ApplicationId, string Status);

/// <summary>Lookups and guards shared by the fellowship slices: one place that knows how a record is found and who may see it.</summary>
internal static class FellowshipAccess
{
    public static async Task<FellowshipCycle> Cycle(IQuerySession session, int year, CancellationToken ct) =>
        await session.LoadAsync<FellowshipCycle>(year, ct)
        ?? throw DomainException.NotFound("cycle.not_found", $"No fellowship cycle for {year}.");

    /// <summary>The named cycle; without a year, the latest cycle whose applications have opened (else the first one).</summary>
    public static async Task<FellowshipCycle> Cycle(IQuerySession session, int? year, DateTimeOffset now, CancellationToken ct)
    {
        if (year is { } y) return await Cycle(session, y, ct);
        var cycles = await session.Query<FellowshipCycle>().ToListAsync(ct);
        return cycles.Where(c => c.ApplicationOpen <= now).MaxBy(c => c.Id) ?? cycles.MinBy(c => c.Id)
               ?? throw DomainException.NotFound("cycle.not_found", "No fellowship cycle is loaded.");
    }

    /// <summary>The caller's own application (the latest cycle when none is named).</summary>
    public static async Task<Fellowship> Own(IQuerySession session, Guid applicantId, int? year, CancellationToken ct)
    {
        var query = session.Query<Fellowship>().Where(f => f.ApplicantId == applicantId);
        if (year is { } y) query = query.Where(f => f.Year == y);
        return await query.OrderByDescending(f => f.Year).FirstOrDefaultAsync(ct)
               ?? throw DomainException.NotFound("application.not_found", "You have no fellowship application in this cycle.");
    }

    public static async Task<Fellowship> Application(IQuerySession session, Guid id, CancellationToken ct) =>
        await session.LoadAsync<Fellowship>(id, ct) ?? throw DomainException.NotFound("application.not_found", $"No fellowship application {id}.");

    /// <summary>The fellow (an application that has reported); 404 <c>fellow.not_found</c> before.</summary>
    public static Fellowship Fellow(Fellowship? f, Guid id) =>
        f is { IsFellow: true } ? f : throw DomainException.NotFound("fellow.not_found", $"No fellow {id}: a fellow exists once the applicant has reported (FEL-15).");

    /// <summary>The fellowship admin sees everyone; an applicant sees only their own record.</summary>
    public static void EnsureAdminOrOwner(ClaimsPrincipal user, Fellowship f)
    {
        if (user.IsInRole(Roles.FellowshipAdmin)) return;
        if (user.IsInRole(Roles.Applicant) && user.HasClaim(RecruitmentClaims.Programme, Programmes.Fellowship)
                                           && user.AccountId() == f.ApplicantId)
            return;
        throw DomainException.Forbidden("application.forbidden", "Only the fellowship admin and the applicant themselves may do this.");
    }

    /// <summary>A list filter naming an enum value; anything else is a 400, never an empty list.</summary>
    public static T Filter<T>(string value, string name) where T : struct, Enum =>
        Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw DomainException.Invalid("request.invalid_filter", $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}.");

    public static DomainException WrongStatus(Fellowship f, string action, params FellowshipStatus[] allowed) =>
        DomainException.Conflict("application.invalid_status",
            $"Cannot {action} when the status is {f.Status}; it must be {string.Join(" or ", allowed)}.");

    public static string Required(string? text, string code, string detail) =>
        string.IsNullOrWhiteSpace(text) ? throw DomainException.Invalid(code, detail) : text.Trim();

    public static DateOnly Today(DateTimeOffset now) => ChinaTime.Date(now);
}
