using JasperFx;
using Npgsql;

namespace Recruitment.AdvancedFellowship.Features.Applications;

/// <summary>What every application and fellow command answers: the record and its status after the command.</summary>
public sealed record FellowshipResult(Guid ApplicationId, string Status);

/// <summary>Lookups and guards shared by the fellowship slices: one place that knows how a record is found and who may see it.</summary>
internal static class FellowshipAccess
{
    /// <summary>The module's routes of one area (training, assessment, selection, ...), under one prefix and tag.</summary>
    public static RouteGroupBuilder FellowshipApi(this IEndpointRouteBuilder app, string area) =>
        app.MapModule("/api/advanced-fellowship", $"AdvancedFellowship: {area}");

    /// <summary>The cycle of a year; 404 <c>cycle.not_found</c> when none is loaded.</summary>
    public static async Task<Outcome<FellowshipCycle>> CycleOf(IQuerySession session, int year, CancellationToken ct) =>
        await session.LoadAsync<FellowshipCycle>(year, ct) is { } cycle
            ? cycle
            : Refusal.NotFound("cycle.not_found", $"No fellowship cycle for {year}.");

    public static async Task<FellowshipCycle> Cycle(IQuerySession session, int year, CancellationToken ct)
    {
        var cycle = await CycleOf(session, year, ct);
        return cycle.Refused(out var refused, out var found) ? throw refused.ToException() : found;
    }

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
    public static Outcome<Fellowship> Fellow(Fellowship? f, Guid id) =>
        f is { IsFellow: true }
            ? f
            : Refusal.NotFound("fellow.not_found", $"No fellow {id}: a fellow exists once the applicant has reported (FEL-15).");

    /// <summary>A fellow as the caller may see it: the fellowship admin everyone, an applicant only their own record.</summary>
    public static async Task<Outcome<Fellowship>> FellowFor(IQuerySession session, Guid fellowId, Caller caller, CancellationToken ct)
    {
        if (Fellow(await session.LoadAsync<Fellowship>(fellowId, ct), fellowId).Refused(out var refused, out var f)) return refused;
        return AdminOrOwner(caller, f) is { } forbidden ? forbidden : f;
    }

    /// <summary>An application as the caller may see it: the fellowship admin every one, an applicant only their own.</summary>
    public static async Task<Outcome<Fellowship>> ApplicationFor(IQuerySession session, Guid applicationId, Caller caller, CancellationToken ct)
    {
        if (await session.LoadAsync<Fellowship>(applicationId, ct) is not { } f) return ApplicationNotFound(applicationId);
        return AdminOrOwner(caller, f) is { } forbidden ? forbidden : f;
    }

    public static Refusal ApplicationNotFound(Guid id) => Refusal.NotFound("application.not_found", $"No fellowship application {id}.");

    /// <summary>The fellowship admin sees everyone; an applicant sees only their own record.</summary>
    public static Refusal? AdminOrOwner(Caller caller, Fellowship f) =>
        caller.Is(Roles.FellowshipAdmin)
        || (caller.Is(Roles.Applicant) && caller.Programme == Programmes.Fellowship && caller.AccountId == f.ApplicantId)
            ? null
            : Refusal.Forbidden("application.forbidden", "Only the fellowship admin and the applicant themselves may do this.");

    /// <summary>The fellowship admin sees everyone; an applicant sees only their own record.</summary>
    public static void EnsureAdminOrOwner(ClaimsPrincipal user, Fellowship f)
    {
        if (AdminOrOwner(Caller.From(user), f) is { } forbidden) throw forbidden.ToException();
    }

    public static Refusal WrongStatus(Fellowship f, string action, params FellowshipStatus[] allowed) =>
        Refusal.Conflict("application.invalid_status", $"Cannot {action} when the status is {f.Status}; it must be {string.Join(" or ", allowed)}.");

    public static DateOnly Today(DateTimeOffset now) => ChinaTime.Date(now);
}
