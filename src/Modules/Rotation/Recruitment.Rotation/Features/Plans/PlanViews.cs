using Marten.Pagination;

namespace Recruitment.Rotation.Features.Plans;

internal sealed record BlockView(int Index, string Department, DateOnly Start, DateOnly End, int Months, string Status,
    DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt);

internal sealed record PlanView(Guid TraineeId, string Name, int Year, string BaseCode, string Track, string SpecialtyCode, string? OtherSpecialty,
    string TraineeStatus, bool ReducedYears, int TrainingMonths, DateOnly TrainingStart, DateOnly TrainingEnd, string? TemplateCode,
    IReadOnlyList<TemplateItem> Requirements, string? PendingCode, string Status, bool Executable, IReadOnlyList<BlockView> Blocks, int CountedMonths,
    bool ReissueRequired, string? ReissueReason, string? ApprovedBy, DateTimeOffset? ApprovedAt, IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Flags, OrientationRecord? HospitalOrientation, OrientationRecord? DepartmentOrientation, IReadOnlyList<TimelineEntry> Timeline);

internal sealed record PlanSummary(Guid TraineeId, string Name, int Year, string BaseCode, string SpecialtyCode, bool ReducedYears, int TrainingMonths,
    string Status, bool ReissueRequired, DateTimeOffset UpdatedAt);

/// <summary>
/// Views of plans (issue item 7): GET /api/rotation/trainees/{traineeId}/plan (the base's admin, the center), with
/// requirements, blocks and their state, counted months, SOFT warnings against the template, flags and the dated
/// timeline of who did what; GET /me/plan (the trainee's own); GET /plans (filters status, baseCode, year; the
/// center's list of reduced-year plans pending its review is <c>?status=PENDING_CENTER_REVIEW</c>); GET
/// /bases/{baseCode}/trainees (every trainee of a base with plan status and flags).
/// </summary>
internal sealed class PlanViewEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.RotationApi();
        api.MapGet("/trainees/{traineeId:guid}/plan", async (Guid traineeId, Caller caller, IRotationStore store, TimeProvider clock,
                CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                return (await PlanContext.ForStaffAsync(session, traineeId, caller, ct)).Refused(out var refused, out var c)
                    ? refused.ToResult()
                    : Results.Ok(await c.ViewAsync(session, clock.GetUtcNow(), ct));
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin);

        api.MapGet("/me/plan", async (Caller caller, IRotationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var trainee = await session.Query<Trainee>().Where(t => t.ApplicantId == caller.AccountId).OrderByDescending(t => t.Year)
                    .FirstOrDefaultAsync(ct);
                return trainee is null
                    ? Refusal.NotFound("trainee.not_found", "You are not an admitted trainee.").ToResult()
                    : Results.Ok(await (await PlanContext.ForAsync(session, trainee, ct)).ViewAsync(session, clock.GetUtcNow(), ct));
            })
            .RequireAuthorization(Policies.Applicant);

        api.MapGet("/plans", async (string? status, string? baseCode, int? year, int? page, int? pageSize, Caller caller,
                IRotationStore store, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                if (RotationAccess.ListedBase(baseCode, caller, out var code) is { } forbidden) return forbidden.ToResult();
                await using var session = store.QuerySession();
                var query = session.Query<RotationPlan>().AsQueryable();
                if (code is not null) query = query.Where(p => p.BaseCode == code);
                if (year is { } y) query = query.Where(p => p.Year == y);
                if (status is not null)
                {
                    if (Filters.Parse<PlanStatus>(status, nameof(status)).Refused(out var invalid, out var s)) return invalid.ToResult();
                    query = query.Where(p => p.Status == s);
                }
                var plans = await query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id).ToPagedListAsync(paging.Page, paging.PageSize, ct);
                var trainees = (await session.LoadManyAsync<Trainee>(ct, plans.Select(p => p.Id))).ToDictionary(t => t.Id);
                return Results.Ok(paging.Of(plans.Select(p => new PlanSummary(p.Id, trainees.GetValueOrDefault(p.Id)?.Name ?? "", p.Year,
                    p.BaseCode, trainees.GetValueOrDefault(p.Id)?.SpecialtyCode ?? "", p.Reduced, p.TrainingMonths, p.Status.ToString(),
                    p.ReissueRequired, p.UpdatedAt)).ToList(), plans.TotalItemCount));
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin);

        api.MapGet("/bases/{baseCode}/trainees", async (string baseCode, int? year, int? page, int? pageSize, Caller caller,
                IRotationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var code = baseCode.ToUpperInvariant();
                if (caller.ActsForBase(code) is { } forbidden) return forbidden.ToResult();
                await using var session = store.QuerySession();
                var query = session.Query<Trainee>().Where(t => t.BaseCode == code && t.Departure == null); // ENR-69: out of planning
                if (year is { } y) query = query.Where(t => t.Year == y);
                var trainees = await query.OrderBy(t => t.Name).ThenBy(t => t.Id).ToPagedListAsync(paging.Page, paging.PageSize, ct);
                var now = clock.GetUtcNow();
                var rows = new List<object>();
                foreach (var t in trainees)
                {
                    var c = await PlanContext.ForAsync(session, t, ct);
                    rows.Add(new
                    {
                        traineeId = t.Id,
                        t.Name,
                        t.Year,
                        track = t.Track.ToString(),
                        t.SpecialtyCode,
                        reducedYears = c.Demand.Reduced,
                        trainingMonths = c.Demand.Months,
                        planStatus = c.Plan?.Status.ToString() ?? "NONE",
                        traineeStatus = c.TraineeStatus(now),
                        flags = c.Flags(now),
                    });
                }
                return Results.Ok(paging.Of(rows, trainees.TotalItemCount));
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin);
    }
}
