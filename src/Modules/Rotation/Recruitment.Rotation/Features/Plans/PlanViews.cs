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
        app.MapGet("/api/rotation/trainees/{traineeId:guid}/plan", async (Guid traineeId, HttpContext http, IRotationStore store, TimeProvider clock,
                CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                return await ViewAsync(session, await PlanContext.ForStaffAsync(session, traineeId, http, ct), clock.GetUtcNow(), ct);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Rotation");

        app.MapGet("/api/rotation/me/plan", async (HttpContext http, IRotationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var applicantId = http.User.AccountId();
                await using var session = store.QuerySession();
                var trainee = await session.Query<Trainee>().Where(t => t.ApplicantId == applicantId).OrderByDescending(t => t.Year).FirstOrDefaultAsync(ct)
                              ?? throw DomainException.NotFound("trainee.not_found", "You are not an admitted trainee.");
                return await ViewAsync(session, await PlanContext.ForAsync(session, trainee, ct), clock.GetUtcNow(), ct);
            })
            .RequireAuthorization(Policies.Applicant).WithTags("Rotation");

        app.MapGet("/api/rotation/plans", async (string? status, string? baseCode, int? year, int? page, int? pageSize, HttpContext http,
                IRotationStore store, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var code = baseCode?.ToUpperInvariant() ?? (http.User.IsInRole(Roles.BaseAdmin) ? http.User.BaseCode() : null);
                if (code is not null) http.User.EnsureActsForBase(code);
                await using var session = store.QuerySession();
                var query = session.Query<RotationPlan>().AsQueryable();
                if (code is not null) query = query.Where(p => p.BaseCode == code);
                if (year is { } y) query = query.Where(p => p.Year == y);
                if (status is not null)
                {
                    var s = Enum.TryParse<PlanStatus>(status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                        : throw DomainException.Invalid("request.invalid_filter", $"status must be one of {string.Join(", ", Enum.GetNames<PlanStatus>())}.");
                    query = query.Where(p => p.Status == s);
                }
                var plans = await query.OrderBy(p => p.UpdatedAt).ThenBy(p => p.Id).ToPagedListAsync(paging.Page, paging.PageSize, ct);
                var trainees = (await session.LoadManyAsync<Trainee>(ct, plans.Select(p => p.Id))).ToDictionary(t => t.Id);
                return paging.Of(plans.Select(p => new PlanSummary(p.Id, trainees.GetValueOrDefault(p.Id)?.Name ?? "", p.Year, p.BaseCode,
                    trainees.GetValueOrDefault(p.Id)?.SpecialtyCode ?? "", p.Reduced, p.TrainingMonths, p.Status.ToString(), p.ReissueRequired,
                    p.UpdatedAt)).ToList(), plans.TotalItemCount);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Rotation");

        app.MapGet("/api/rotation/bases/{baseCode}/trainees", async (string baseCode, int? year, int? page, int? pageSize, HttpContext http,
                IRotationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                var code = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(code);
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
                        traineeId = t.Id, t.Name, t.Year, track = t.Track.ToString(), t.SpecialtyCode, reducedYears = c.Demand.Reduced,
                        trainingMonths = c.Demand.Months, planStatus = c.Plan?.Status.ToString() ?? "NONE", traineeStatus = c.TraineeStatus(now),
                        flags = c.Flags(now),
                    });
                }
                return paging.Of(rows, trainees.TotalItemCount);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Rotation");
    }

    internal static async Task<PlanView> ViewAsync(IQuerySession session, PlanContext c, DateTimeOffset now, CancellationToken ct)
    {
        var t = c.Trainee;
        var plan = c.Plan;
        var timeline = new List<TimelineEntry>();
        if (plan is not null)
        {
            var replay = new RotationPlan();
            foreach (var e in await session.Events.FetchStreamAsync(t.Id, token: ct))
            {
                if (e.Data is not IPlanEvent change) continue;
                replay.On(change);
                timeline.Add(new TimelineEntry(change.At, Timeline.EventName(change), replay.Status.ToString(), change.Actor, Detail(change)));
            }
        }
        var blocks = plan?.Blocks.Select((b, i) => new BlockView(i, b.Department, b.Start, b.End, b.Months, b.Status.ToString(), b.StartedAt, b.CompletedAt))
            .ToList() ?? [];
        return new PlanView(t.Id, t.Name, t.Year, t.BaseCode, t.Track.ToString(), t.SpecialtyCode, t.OtherSpecialty, c.TraineeStatus(now), c.Demand.Reduced,
            c.Demand.Months, c.Demand.Start, c.Demand.End, c.Demand.TemplateCode, c.Demand.Items, c.Demand.PendingCode,
            plan?.Status.ToString() ?? "NONE", plan?.Status == PlanStatus.APPROVED, blocks, plan?.CountedMonths ?? 0, plan?.ReissueRequired ?? false,
            plan?.ReissueReason, plan?.ApprovedBy, plan?.ApprovedAt, plan is null ? [] : PlanRules.Warnings(plan.Blocks, c.Demand), c.Flags(now),
            t.HospitalOrientation, t.DepartmentOrientation, timeline);
    }

    private static string? Detail(IPlanEvent e) => e switch
    {
        PlanGenerated g => $"{g.Blocks.Count} blocks ({g.Stage})",
        PlanEdited edit => $"{edit.Blocks.Count} blocks ({edit.Source}){(edit.Reason is null ? "" : ": " + edit.Reason)}",
        PlanApproved a => a.ByCenter ? "approved by the center" : "approved by the base",
        BlockStarted s => $"block {s.Index} {s.Department} started",
        BlockCompleted s => $"block {s.Index} {s.Department} completed",
        PlanReissueRequired r => r.Reason,
        _ => null,
    };
}
