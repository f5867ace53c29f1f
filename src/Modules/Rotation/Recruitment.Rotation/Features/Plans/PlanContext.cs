namespace Recruitment.Rotation.Features.Plans;

/// <summary>Everything a plan rule needs about one trainee, read together (order of arrival of the inputs does not matter).</summary>
internal sealed record PlanContext(Trainee Trainee, MakeUpPlan? MakeUp, RotationCycle? Cycle, RotationTemplate? Template, TraineeDemandInfo Demand,
    RotationPlan? Plan)
{
    public static async Task<PlanContext> LoadAsync(IQuerySession session, Guid traineeId, CancellationToken ct)
    {
        var trainee = await session.LoadAsync<Trainee>(traineeId, ct)
                      ?? throw DomainException.NotFound("trainee.not_found", $"No admitted trainee {traineeId}.");
        return await ForAsync(session, trainee, ct);
    }

    public static async Task<PlanContext> ForAsync(IQuerySession session, Trainee trainee, CancellationToken ct)
    {
        var makeUp = await session.LoadAsync<MakeUpPlan>(trainee.Id, ct);
        var cycle = await session.LoadAsync<RotationCycle>(trainee.Year, ct);
        var template = await TraineeDemands.TemplateAsync(session, trainee, ct);
        var plan = await session.LoadAsync<RotationPlan>(trainee.Id, ct);
        return new PlanContext(trainee, makeUp, cycle, template, TraineeDemands.For(trainee, makeUp, cycle, template), plan);
    }

    /// <summary>A trainee as staff may act on it: a base admin only their own base's.</summary>
    public static async Task<PlanContext> ForStaffAsync(IQuerySession session, Guid traineeId, HttpContext http, CancellationToken ct)
    {
        var context = await LoadAsync(session, traineeId, ct);
        http.User.EnsureActsForBase(context.Trainee.BaseCode);
        return context;
    }

    public void EnsureReady()
    {
        if (!Demand.Ready) throw DomainException.Conflict(Demand.PendingCode!, Demand.PendingDetail!);
    }

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
}
