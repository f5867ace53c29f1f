namespace Recruitment.Enrollment.Features.Admission;

internal sealed record ReviewStepResult(int Year, string Step, int Applications);

/// <summary>
/// POST /api/enrollment/cycles/{year}/center-review (center) and /recheck (PHC): the proposed list goes to
/// the center after the proposal lock, then to the PHC for re-check, before publicity (ENR-57). Each step
/// moves every application at the previous step and records who did it.
/// </summary>
internal sealed class CenterReviewEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/enrollment/cycles/{year:int}/center-review", (int year, HttpContext http, IEnrollmentStore store, TimeProvider clock,
                CancellationToken ct) => StepAsync(year, "center-review", ApplicationStatus.PROPOSED, (actor, at) => new CenterReviewed(actor, at), http, store, clock, ct))
            .RequireAuthorization(Policies.CenterAdmin).WithTags("Enrollment: admission");
        app.MapPost("/api/enrollment/cycles/{year:int}/recheck", (int year, HttpContext http, IEnrollmentStore store, TimeProvider clock,
                CancellationToken ct) => StepAsync(year, "recheck", ApplicationStatus.CENTER_REVIEWED, (actor, at) => new PhcRechecked(actor, at), http, store, clock, ct))
            .RequireAuthorization(Policies.PhcAdmin).WithTags("Enrollment: admission");
    }

    private static async Task<ReviewStepResult> StepAsync(int year, string step, ApplicationStatus from, Func<string, DateTimeOffset, IApplicationEvent> next,
        HttpContext http, IEnrollmentStore store, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var cycle = await ApplicationAccess.Cycle(session, year, ct);
        if (!now.IsPast(cycle.Calendar.ProposedAdmissionLock))
            throw new DomainException("admission.before_lock", $"The proposed list is reviewed after the lock at {cycle.Calendar.ProposedAdmissionLock:O} (ENR-50, ENR-57).");
        var waiting = await session.Query<Application>().Where(a => a.Year == year && a.Status == from).ToListAsync(ct);
        if (waiting.Count == 0) throw DomainException.Conflict("admission.nothing_to_review", $"No application of {year} is {from}.");
        // Expecting each version read: a change racing the step (a withdrawal, a second click) fails it as a conflict.
        foreach (var a in waiting) session.Events.Append(a.Id, a.Version + 1, next(http.User.Actor(), now));
        await session.SaveChangesAsync(ct);
        return new ReviewStepResult(year, step, waiting.Count);
    }
}
