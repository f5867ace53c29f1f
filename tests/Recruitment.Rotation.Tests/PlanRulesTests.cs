using Recruitment.Rotation.Domain;

namespace Recruitment.Rotation.Tests;

/// <summary>ROT-06 validation as pure functions: each broken rule has its own code.</summary>
public sealed class PlanRulesTests
{
    private static readonly DateOnly Start = new(2024, 9, 1);
    private static readonly HashSet<string> Known = ["GP", "PED", "IM-CARD", "SURG", "EM"];

    private static readonly TraineeDemandInfo Reduced = new(true, 24, Start, [new TemplateItem("GP", 18, 1), new TemplateItem("PED", 6, 1)], null, null, null);
    private static readonly TraineeDemandInfo Standard = new(false, 36, Start,
        [new TemplateItem("IM-CARD", 12, 3), new TemplateItem("SURG", 12, 3), new TemplateItem("EM", 12, 3)], "X", null, null);

    private static BlockInput B(string d, DateOnly start, int months) => new(d, start, start.AddMonths(months).AddDays(-1));

    private static void Refused(string code, TraineeDemandInfo demand, params BlockInput[] blocks) =>
        PlanRules.Validate(blocks, demand, Known).Refusal.ShouldNotBeNull().Code.ShouldBe(code);

    [Fact]
    public void Training_ends_the_day_before_start_plus_the_months_ROT_02()
    {
        Reduced.End.ShouldBe(new DateOnly(2026, 8, 31));
        Standard.End.ShouldBe(new DateOnly(2027, 8, 31));
    }

    [Fact]
    public void A_contiguous_plan_from_start_to_end_is_accepted_ROT_06()
    {
        var blocks = PlanRules.Validate([B("IM-CARD", Start, 12), B("SURG", Start.AddMonths(12), 12), B("em", Start.AddMonths(24), 12)], Standard, Known)
            .Value.ShouldNotBeNull();
        blocks[2].Department.ShouldBe("EM");
        PlanRules.Validate([B("PED", Start, 6), B("GP", Start.AddMonths(6), 18)], Reduced, Known).Value.ShouldNotBeNull().Count.ShouldBe(2);
    }

    [Fact]
    public void Gaps_overlaps_and_wrong_start_or_end_are_refused_ROT_06()
    {
        Refused("plan.gap", Standard, B("IM-CARD", Start, 12), B("SURG", Start.AddMonths(13), 12), B("EM", Start.AddMonths(25), 11));
        Refused("plan.overlap", Standard, B("IM-CARD", Start, 12), B("SURG", Start.AddMonths(11), 13), B("EM", Start.AddMonths(24), 12));
        Refused("plan.wrong_start", Standard, B("IM-CARD", Start.AddMonths(1), 35));
        Refused("plan.wrong_end", Standard, B("IM-CARD", Start, 12), B("SURG", Start.AddMonths(12), 12), B("EM", Start.AddMonths(24), 13));
        Refused("plan.no_blocks", Standard);
    }

    [Fact]
    public void Unknown_departments_and_blocks_not_in_whole_months_are_refused()
    {
        Refused("plan.unknown_department", Standard, B("CARDIO", Start, 36));
        Refused("plan.block_not_whole_months", Standard, new BlockInput("SURG", Start, new DateOnly(2024, 9, 20)), B("EM", new DateOnly(2024, 9, 21), 35));
        Refused("plan.block_dates", Standard, new BlockInput("SURG", Start, Start.AddDays(-3)));
    }

    [Fact]
    public void A_reduced_year_plan_holds_exactly_the_make_up_items_with_their_months_ROT_04_ROT_06()
    {
        Refused("plan.outside_make_up", Reduced, B("GP", Start, 18), B("SURG", Start.AddMonths(18), 6));
        Refused("plan.make_up_missing", Reduced, B("GP", Start, 24));
        Refused("plan.make_up_short", Reduced, B("GP", Start, 16), B("PED", Start.AddMonths(16), 8));
    }

    [Fact]
    public void Started_and_completed_blocks_cannot_change_ROT_08()
    {
        var plan = new RotationPlan
        {
            Blocks = [new PlanBlock { Department = "GP", Start = Start, End = Start.AddMonths(18).AddDays(-1), Months = 18, Status = BlockStatus.IN_PROGRESS }],
        };
        PlanRules.ImmutableChanged(plan, [B("PED", Start, 6), B("GP", Start.AddMonths(6), 18)]).ShouldNotBeNull()
            .Code.ShouldBe("block.immutable");
        PlanRules.ImmutableChanged(plan, [B("GP", Start, 18), B("PED", Start.AddMonths(18), 6)]).ShouldBeNull();
    }
}
