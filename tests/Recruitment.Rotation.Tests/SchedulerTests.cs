using Recruitment.Rotation.Domain.Scheduling;

namespace Recruitment.Rotation.Tests;

/// <summary>The scheduler and the independent plan checker as pure components (no database).</summary>
public sealed class SchedulerTests
{
    private static readonly int Sep2024 = MonthIndex.Of(new DateOnly(2024, 9, 1));

    private static TraineeDemand Standard(int n, params (string D, int M, int Min)[] items) =>
        new(new Guid(n, 0, 0, new byte[8]), Sep2024, items.Sum(i => i.M), items.Select(i => new Requirement(i.D, i.M, i.Min)).ToList());

    private static readonly (string, int, int)[] Template = [("IM", 12, 3), ("SURG", 12, 3), ("PED", 6, 2), ("EM", 6, 2)];

    [Fact]
    public void A_feasible_base_gets_plans_that_the_checker_accepts_ROT_06()
    {
        // 12 trainees, 36 months; IM and SURG hold 4 at once, PED and EM 2: exactly the average demand, no slack.
        var problem = new SchedulingProblem(
            [new DepartmentCapacity("IM", 4), new DepartmentCapacity("SURG", 4), new DepartmentCapacity("PED", 2), new DepartmentCapacity("EM", 2)],
            Enumerable.Range(1, 12).Select(i => Standard(i, Template)).ToList(), []);
        var result = RotationScheduler.Solve(problem, new SchedulerOptions(20));
        result.Outcome.ShouldBe(ScheduleOutcome.FEASIBLE);
        PlanChecker.Check(problem, result.Plans).ShouldBeEmpty();
        result.Plans.Count.ShouldBe(12);
        result.Plans.ShouldAllBe(p => p.Blocks.Count == 4 && p.Blocks.Sum(b => b.Months) == 36);
    }

    [Fact]
    public void A_reduced_year_trainee_gets_exactly_its_make_up_items_and_kept_plans_take_their_capacity_ROT_04()
    {
        var reduced = new TraineeDemand(Guid.NewGuid(), Sep2024, 24, [new Requirement("GP", 18), new Requirement("PED", 6)]);
        // PED is full in the first 6 months (a kept plan), so the reduced-year trainee must do GP first.
        var fixedLoad = Enumerable.Range(Sep2024, 6).Select(m => new FixedLoad("PED", m, 1)).ToList();
        var problem = new SchedulingProblem([new DepartmentCapacity("GP", 1), new DepartmentCapacity("PED", 1)], [reduced], fixedLoad);
        var result = RotationScheduler.Solve(problem);
        result.Outcome.ShouldBe(ScheduleOutcome.FEASIBLE);
        PlanChecker.Check(problem, result.Plans).ShouldBeEmpty();
        result.Plans[0].Blocks.Select(b => b.Department).ShouldBe(["GP", "PED"]);
    }

    [Fact]
    public void Started_blocks_stay_where_they_are_and_the_rest_follows_ROT_08()
    {
        var fixedBlock = new ScheduledBlock("SURG", Sep2024, 12);
        var trainee = Standard(1, Template) with { Fixed = [fixedBlock] };
        var problem = new SchedulingProblem(
            [new DepartmentCapacity("IM", 1), new DepartmentCapacity("SURG", 1), new DepartmentCapacity("PED", 1), new DepartmentCapacity("EM", 1)],
            [trainee], []);
        var result = RotationScheduler.Solve(problem);
        result.Outcome.ShouldBe(ScheduleOutcome.FEASIBLE);
        PlanChecker.Check(problem, result.Plans).ShouldBeEmpty();
        result.Plans[0].Blocks[0].ShouldBe(fixedBlock);
    }

    [Fact]
    public void No_plan_is_produced_over_capacity_the_report_names_departments_and_months()
    {
        // Five trainees need 12 months of IM each: 60 trainee-months; IM holds 1 for 36 months.
        var problem = new SchedulingProblem(
            [new DepartmentCapacity("IM", 1), new DepartmentCapacity("SURG", 4), new DepartmentCapacity("PED", 4), new DepartmentCapacity("EM", 4)],
            Enumerable.Range(1, 5).Select(i => Standard(i, Template)).ToList(), []);
        var result = RotationScheduler.Solve(problem);
        result.Outcome.ShouldBe(ScheduleOutcome.INFEASIBLE);
        result.Plans.ShouldBeEmpty();
        result.Shortfalls.ShouldNotBeEmpty();
        result.Shortfalls.ShouldAllBe(s => s.Department == "IM" && s.Capacity == 1 && s.Demand > 1);
        result.Shortfalls[0].MonthLabel.ShouldBe("2024-09");
    }

    [Fact]
    public void A_department_the_base_lacks_is_reported_for_the_months_it_is_needed()
    {
        var problem = new SchedulingProblem([new DepartmentCapacity("IM", 5), new DepartmentCapacity("SURG", 5), new DepartmentCapacity("PED", 5)],
            [Standard(1, Template)], []);
        var result = RotationScheduler.Solve(problem);
        result.Outcome.ShouldBe(ScheduleOutcome.INFEASIBLE);
        result.Shortfalls.Select(s => s.Department).Distinct().ShouldBe(["EM"]);
        result.Shortfalls.Count.ShouldBe(36);
    }

    [Fact]
    public void Compulsory_months_of_long_blocks_prove_a_monthly_shortfall()
    {
        // Two reduced-year trainees with a 20-month GP block inside 24 months: months 5..19 always hold both.
        TraineeDemand Reduced() => new(Guid.NewGuid(), Sep2024, 24, [new Requirement("GP", 20), new Requirement("PED", 4)]);
        var problem = new SchedulingProblem([new DepartmentCapacity("GP", 1), new DepartmentCapacity("PED", 2)], [Reduced(), Reduced()], []);
        var result = RotationScheduler.Solve(problem);
        result.Outcome.ShouldBe(ScheduleOutcome.INFEASIBLE);
        result.Shortfalls.ShouldAllBe(s => s.Department == "GP");
    }

    [Fact]
    public void CP_SAT_alone_finds_a_plan_the_checker_accepts()
    {
        var problem = new SchedulingProblem(
            [new DepartmentCapacity("IM", 4), new DepartmentCapacity("SURG", 4), new DepartmentCapacity("PED", 2), new DepartmentCapacity("EM", 2)],
            Enumerable.Range(1, 12).Select(i => Standard(i, Template)).ToList(), []);
        var result = RotationScheduler.Solve(problem, new SchedulerOptions(30, LocalSearch: false));
        result.Outcome.ShouldBe(ScheduleOutcome.FEASIBLE);
        result.SolverStatus.ShouldStartWith("CP_SAT_");
        PlanChecker.Check(problem, result.Plans).ShouldBeEmpty();
    }

    [Fact]
    public void CP_SAT_proves_infeasibility_the_bounds_miss_and_the_best_plan_names_the_overload()
    {
        // Three trainees of 3 months: A (1 month, 1 place) and C (2 contiguous months, 3 places). A can only be in
        // the first or the last month, so only two trainees fit; no capacity bound sees it.
        TraineeDemand T() => new(Guid.NewGuid(), Sep2024, 3, [new Requirement("A", 1), new Requirement("C", 2, 2)]);
        var problem = new SchedulingProblem([new DepartmentCapacity("A", 1), new DepartmentCapacity("C", 3)], [T(), T(), T()], []);
        var result = RotationScheduler.Solve(problem, new SchedulerOptions(5));
        result.Outcome.ShouldBe(ScheduleOutcome.INFEASIBLE);
        result.SolverStatus.ShouldBe("CP_SAT_INFEASIBLE");
        result.Shortfalls.ShouldNotBeEmpty();
        result.Shortfalls.ShouldAllBe(s => s.Department == "A" && s.Demand == 2 && s.Capacity == 1);
    }

    [Fact]
    public void Demand_that_does_not_fill_the_training_is_refused_before_solving()
    {
        var trainee = new TraineeDemand(Guid.NewGuid(), Sep2024, 36, [new Requirement("IM", 30)]);
        var result = RotationScheduler.Solve(new SchedulingProblem([new DepartmentCapacity("IM", 9)], [trainee], []));
        result.Outcome.ShouldBe(ScheduleOutcome.INVALID_INPUT);
        result.Problems.Single().Code.ShouldBe("schedule.months_mismatch");
    }

    [Fact]
    public void The_checker_finds_gaps_overlaps_short_blocks_missing_months_and_overload()
    {
        var a = Standard(1, ("IM", 6, 3), ("SURG", 6, 3));
        var b = Standard(2, ("IM", 6, 3), ("SURG", 6, 3));
        var problem = new SchedulingProblem([new DepartmentCapacity("IM", 1), new DepartmentCapacity("SURG", 1)], [a, b], []);
        var plans = new List<TraineeSchedule>
        {
            new(a.Id, [new ScheduledBlock("IM", Sep2024, 6), new ScheduledBlock("SURG", Sep2024 + 7, 5)]),
            new(b.Id, [new ScheduledBlock("IM", Sep2024, 2), new ScheduledBlock("SURG", Sep2024 + 1, 12)]),
        };
        var codes = PlanChecker.Check(problem, plans).Select(v => v.Code).ToList();
        codes.ShouldContain("plan.gap");
        codes.ShouldContain("plan.overlap");
        codes.ShouldContain("plan.block_too_short");
        codes.ShouldContain("plan.requirement_not_met");
        codes.ShouldContain("plan.over_capacity");
        codes.ShouldContain("plan.wrong_end");
    }
}
