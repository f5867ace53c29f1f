namespace Recruitment.Enrollment.Tests;

/// <summary>DOMAIN.md 2.6: the quota table reconciles, and a table that does not is refused.</summary>
public sealed class QuotaTableTests
{
    private static readonly string Shipped = ReferenceDataLoader.ReadShipped(2024).QuotaCsv;

    [Fact]
    public void The_shipped_2024_table_reconciles_to_577_with_slash_as_null()
    {
        var cells = QuotaTable.Parse(Shipped, 577);
        cells.Count.ShouldBe(9 * 12);
        cells.Sum(c => c.Places ?? 0).ShouldBe(577);
        cells.Single(c => c is { BaseCode: "B04", SpecialtyCode: "GP" }).Places.ShouldBeNull();
        cells.Single(c => c is { BaseCode: "B03", SpecialtyCode: "OTHER" }).Places.ShouldBe(51);
        cells.Where(c => c.SpecialtyCode != "OTHER").Sum(c => c.Places ?? 0).ShouldBe(303);
    }

    [Fact]
    public void A_cell_that_breaks_its_row_total_is_refused()
    {
        var broken = Shipped.Replace("GP,30,25,25", "GP,31,25,25");
        var error = Should.Throw<QuotaTableException>(() => QuotaTable.Parse(broken, 577));
        error.Problems.ShouldContain(p => p.StartsWith("row GP", StringComparison.Ordinal));
        error.Problems.ShouldContain(p => p.StartsWith("column B01", StringComparison.Ordinal));
    }

    [Fact]
    public void A_grand_total_other_than_the_cycles_residency_total_is_refused()
    {
        var error = Should.Throw<QuotaTableException>(() => QuotaTable.Parse(Shipped, 578));
        error.Problems.ShouldContain(p => p.Contains("differs from the cycle's residency total", StringComparison.Ordinal));
    }

    [Fact]
    public void Garbage_in_a_cell_is_refused_not_read_as_zero()
    {
        var broken = Shipped.Replace("PSY,1,null", "PSY,one,null");
        Should.Throw<QuotaTableException>(() => QuotaTable.Parse(broken, 577))
            .Problems.ShouldContain(p => p.Contains("'one' is not a whole number", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cycle_whose_quota_names_an_unknown_base_is_refused()
    {
        var shipped = ReferenceDataLoader.ReadShipped(2024);
        var renamed = shipped with { DefinitionJson = shipped.DefinitionJson.Replace("\"code\": \"B12\"", "\"code\": \"B99\"") };
        Should.Throw<QuotaTableException>(() => LoadRecruitmentCycleHandler.Parse(renamed, DateTimeOffset.UnixEpoch));
    }
}
