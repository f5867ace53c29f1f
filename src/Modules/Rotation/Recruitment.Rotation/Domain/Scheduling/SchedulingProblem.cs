namespace Recruitment.Rotation.Domain.Scheduling;

/// <summary>
/// What the scheduler is asked (pure data, no storage): departments with the number of trainees each can host
/// per month, the trainees to plan with the department-months they must spend and the shortest block allowed,
/// and the load already taken by plans that stay as they are. Months are absolute indices
/// (<see cref="MonthIndex"/>), so trainees of several intakes can share one base.
/// </summary>
internal sealed record SchedulingProblem(
    IReadOnlyList<DepartmentCapacity> Departments,
    IReadOnlyList<TraineeDemand> Trainees,
    IReadOnlyList<FixedLoad> FixedLoad)
{
    public int Capacity(string department) =>
        Departments.FirstOrDefault(d => d.Department == department)?.PerMonth ?? 0;

    public int Fixed(string department, int month) =>
        FixedLoad.Where(f => f.Department == department && f.Month == month).Sum(f => f.Trainees);
}

/// <summary>How many trainees a department hosts at once, every month.</summary>
internal sealed record DepartmentCapacity(string Department, int PerMonth);

/// <summary>
/// One trainee to plan: training months <c>[StartMonth, StartMonth + Months)</c>, the department-months that must
/// fill them exactly (a template, or a reduced-year trainee's make-up items), and months already fixed
/// (started or completed blocks, which are immutable) as a prefix that the rest follows.
/// </summary>
internal sealed record TraineeDemand(Guid Id, int StartMonth, int Months, IReadOnlyList<Requirement> Requirements,
    IReadOnlyList<ScheduledBlock>? Fixed = null);

/// <summary>A department, the months it must get in all, and the shortest block allowed there.</summary>
internal sealed record Requirement(string Department, int Months, int MinBlockMonths = 1);

/// <summary>Trainees already placed in a department in a month by plans the scheduler keeps.</summary>
internal sealed record FixedLoad(string Department, int Month, int Trainees);

internal sealed record ScheduledBlock(string Department, int StartMonth, int Months)
{
    public int EndMonthExclusive => StartMonth + Months;
}

internal sealed record TraineeSchedule(Guid TraineeId, IReadOnlyList<ScheduledBlock> Blocks);

/// <summary>A department over capacity in a month: how many trainees the best plan found needs there, and how many fit.</summary>
internal sealed record CapacityShortfall(string Department, int Month, int Demand, int Capacity)
{
    public string MonthLabel => MonthIndex.Label(Month);
}

/// <summary>A trainee the scheduler cannot plan whatever the capacities (its demand does not fill its months, ...).</summary>
internal sealed record DemandProblem(Guid TraineeId, string Code, string Detail);

/// <summary>FEASIBLE: a plan; INFEASIBLE: proven that none exists; NO_PLAN_FOUND: none found within the time limit.</summary>
internal enum ScheduleOutcome { FEASIBLE, INFEASIBLE, NO_PLAN_FOUND, INVALID_INPUT }

internal sealed record ScheduleResult(
    ScheduleOutcome Outcome,
    IReadOnlyList<TraineeSchedule> Plans,
    IReadOnlyList<CapacityShortfall> Shortfalls,
    IReadOnlyList<DemandProblem> Problems,
    string SolverStatus,
    TimeSpan Elapsed);

/// <summary>Absolute month numbers (year x 12 + month - 1) and the calendar dates of their first and last days.</summary>
internal static class MonthIndex
{
    public static int Of(DateOnly date) => date.Year * 12 + date.Month - 1;

    public static DateOnly FirstDay(int month) => new(month / 12, month % 12 + 1, 1);

    public static DateOnly LastDay(int month) => FirstDay(month + 1).AddDays(-1);

    public static string Label(int month) => $"{month / 12:D4}-{month % 12 + 1:D2}";
}
