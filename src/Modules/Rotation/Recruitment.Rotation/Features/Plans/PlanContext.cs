namespace Recruitment.Rotation.Features.Plans;

/// <summary>Everything a plan rule needs about one trainee, read together (order of arrival of the inputs does not matter).</summary>
internal sealed record PlanContext(Trainee Trainee, MakeUpPlan? MakeUp, RotationCycle? Cycle, RotationTemplate? Template, TraineeDemandInfo Demand,
    RotationPlan? Plan)
{
    public static async Task<Outcome<PlanContext>> LoadAsync(IQuerySession session, Guid traineeId, CancellationToken ct) =>
        await session.LoadAsync<Trainee>(traineeId, ct) is { } trainee
            ? await ForAsync(session, trainee, ct)
            : Refusal.NotFound("trainee.not_found", $"No admitted trainee {traineeId}.");

    public static async Task<PlanContext> ForAsync(IQuerySession session, Trainee trainee, CancellationToken ct)
    {
        var makeUp = await session.LoadAsync<MakeUpPlan>(trainee.Id, ct);
        var cycle = await session.LoadAsync<RotationCycle>(trainee.Year, ct);
        var template = await TraineeDemands.TemplateAsync(session, trainee, ct);
        var plan = await session.LoadAsync<RotationPlan>(trainee.Id, ct);
        return new PlanContext(trainee, makeUp, cycle, template, TraineeDemands.For(trainee, makeUp, cycle, template), plan);
    }

    /// <summary>A trainee as staff may act on it: a base admin only their own base's.</summary>
    public static async Task<Outcome<PlanContext>> ForStaffAsync(IQuerySession session, Guid traineeId, Caller caller, CancellationToken ct)
    {
        if ((await LoadAsync(session, traineeId, ct)).Refused(out var refused, out var context)) return refused;
        return caller.ActsForBase(context.Trainee.BaseCode) is { } forbidden ? forbidden : context;
    }

    /// <summary>Why no plan can be made yet (the make-up content or the template is missing), or null.</summary>
    public Refusal? NotReady => Demand.Ready ? null : Refusal.Conflict(Demand.PendingCode!, Demand.PendingDetail!);

    /// <summary>
    /// Daily flags (Decisions of ROT-01, ROT-03, ROT-09): no approved plan after the plan deadline; a reduced-year
    /// plan still unapproved once training has started (the trainee is AWAITING_PLAN_APPROVAL, the clock runs
    /// anyway); hospital or department orientation missing after the orientation deadline; a plan to reissue.
    /// </summary>
    public List<string> Flags(DateTimeOffset now)
    {
        var flags = new List<string>();
        var approved = Plan?.Status == PlanStatus.APPROVED;
        if (Cycle is not null && now > Cycle.RotationPlanDeadline && !approved) flags.Add("NO_APPROVED_PLAN");
        if (Demand.Reduced && ChinaTime.Date(now) >= Demand.Start && !approved) flags.Add("AWAITING_PLAN_APPROVAL");
        if (Cycle is not null && now > Cycle.OrientationDeadline && (Trainee.HospitalOrientation is null || Trainee.DepartmentOrientation is null))
            flags.Add("ORIENTATION_INCOMPLETE");
        if (Plan?.ReissueRequired == true) flags.Add("PLAN_REISSUE_REQUIRED");
        return flags;
    }

    public string TraineeStatus(DateTimeOffset now) =>
        Trainee.Departure is { } left ? left.ToString()
        : ChinaTime.Date(now) < Demand.Start ? "ADMITTED"
        : Plan?.Status == PlanStatus.APPROVED ? "IN_TRAINING"
        : Demand.Reduced ? "AWAITING_PLAN_APPROVAL"
        : "AWAITING_PLAN";

    /// <summary>The plan as staff and the trainee see it: requirements, blocks, warnings, flags and the dated timeline.</summary>
    public async Task<PlanView> ViewAsync(IQuerySession session, DateTimeOffset now, CancellationToken ct)
    {
        var t = Trainee;
        var plan = Plan;
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
        return new PlanView(t.Id, t.Name, t.Year, t.BaseCode, t.Track.ToString(), t.SpecialtyCode, t.OtherSpecialty, TraineeStatus(now), Demand.Reduced,
            Demand.Months, Demand.Start, Demand.End, Demand.TemplateCode, Demand.Items, Demand.PendingCode,
            plan?.Status.ToString() ?? "NONE", plan?.Status == PlanStatus.APPROVED, blocks, plan?.CountedMonths ?? 0, plan?.ReissueRequired ?? false,
            plan?.ReissueReason, plan?.ApprovedBy, plan?.ApprovedAt, plan is null ? [] : PlanRules.Warnings(plan.Blocks, Demand), Flags(now),
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
