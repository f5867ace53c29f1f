using Recruitment.AdvancedFellowship.Features.Positions;
using static Recruitment.AdvancedFellowship.Tests.Fellows;

namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>Reference data, rotation, grants and reporting rules, without a database.</summary>
public sealed class RuleTests
{
    [Fact]
    public void The_shipped_2024_table_has_12_rows_and_15_places_inside_the_10_to_15_band_FEL_10_FEL_17()
    {
        Shipped.Problems().ShouldBeEmpty();
        Shipped.Positions.Count.ShouldBe(12);
        Shipped.TotalQuota.ShouldBe(15);
        Shipped.IntakeBand.ShouldBe(new IntakeBand(10, 15));
        Shipped.SelfRaisedGrantCny.ShouldBe(30000m);
        Shipped.Positions.Single(p => p.Category == DepartmentCategory.MEDTECH).DepartmentCode.ShouldBe("PATH");
        Shipped.Find(10)!.DurationMonths.ShouldBe(new Dictionary<PostType, int> { [PostType.PHYSICIAN] = 12, [PostType.TECHNICIAN] = 6 });
        Shipped.ApplicationOpen.ShouldBe(new DateTimeOffset(2024, 5, 10, 0, 0, 0, TestClock.ChinaStandardTime));
        Shipped.DefaultReportingDate.ShouldBe(new DateOnly(2024, 7, 1));
    }

    [Fact]
    public void An_inconsistent_cycle_is_refused_FEL_01_FEL_07_FEL_08()
    {
        var command = new LoadFellowshipCycle(
            """{"year":2024,"applicationOpen":"2024-05-10T00:00:00+08:00","applicationClose":"2024-06-30T00:00:00+08:00","admissionNoticeDeadline":"2024-06-10T23:59:59+08:00","defaultReportingDate":"2024-07-01","intakeBand":{"min":10,"max":15},"selfRaisedGrantCny":30000,"fundedMatchRatio":1}""",
            "no,dept_code,dept_en,dept_zh,category,post_types,quota,title_req,education,work_years_min,work_years_max,duration_months,specialty_requirement,direction,practice_scopes,required_documents\n"
            + "12,PATH,Pathology,病理科,MEDTECH,PHYSICIAN,1,X,BACHELOR+,1,5,13,x,x,LABORATORY_PATHOLOGY,\n");
        var problems = Should.Throw<InvalidDataException>(() => LoadFellowshipCycleHandler.Parse(command)).Message;
        problems.ShouldContain("applicationOpen < applicationClose < admissionNoticeDeadline");
        problems.ShouldContain("at most 12 months (FEL-08)");

        var clinicalSixMonths = Shipped.Find(1)! with { DurationMonths = new Dictionary<PostType, int> { [PostType.PHYSICIAN] = 6 } };
        clinicalSixMonths.Problems().ShouldContain(p => p.Contains("FEL-07"));
    }

    [Fact]
    public void Reporting_asks_every_material_received_and_sealed_physicians_also_their_certificates_FEL_15()
    {
        ReportingChecklist.For(PostType.PHYSICIAN).Count.ShouldBe(7);
        ReportingChecklist.For(PostType.TECHNICIAN).Count.ShouldBe(5);
        var ticks = ReportingChecklist.For(PostType.TECHNICIAN).Select(i => new ReportingTick(i.Code, true, true)).ToList();
        ReportingChecklist.Missing(PostType.TECHNICIAN, ticks).ShouldBeEmpty();
        ticks[0] = ticks[0] with { Sealed = false };
        ReportingChecklist.Missing(PostType.TECHNICIAN, ticks).ShouldBe(["APPLICATION_FORM"]);
        ReportingChecklist.Missing(PostType.PHYSICIAN, ticks).ShouldBe(["APPLICATION_FORM", "PHYSICIAN_QUALIFICATION_COPY", "PRACTISING_CERTIFICATE_COPY"]);
    }

    [Fact]
    public void Self_raised_grants_are_fixed_and_funded_projects_are_matched_one_to_one_FEL_19()
    {
        Grants.HospitalFunding(ProjectKind.SELF_RAISED, 0, Shipped).ShouldBe((30000m, false));
        Grants.HospitalFunding(ProjectKind.FUNDED, 123456.78m, Shipped).ShouldBe((123456.78m, false));
        var capped = new FellowshipCycle { FundedMatchRatio = 1m, FundedMatchCapCny = 50000m };
        Grants.HospitalFunding(ProjectKind.FUNDED, 80000m, capped).ShouldBe((50000m, true));
        Grants.HospitalFunding(ProjectKind.FUNDED, 40000m, capped).ShouldBe((40000m, false));
    }

    private static readonly Guid Evaluation = Guid.NewGuid();
    private static readonly DateOnly Reported = new(2024, 7, 1);

    private static RotationBlock Block(Site site, string start, string end) =>
        new(site, DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture), Evaluation);

    private static string Refusal(IReadOnlyList<RotationBlock> blocks, int months = 12, string? singleSite = null, DateOnly? fixedStart = null) =>
        Should.Throw<DomainException>(() => SiteRotationRules.Check(blocks, months, Reported, [Evaluation], singleSite, fixedStart)).Code;

    [Fact]
    public void A_two_site_plan_covers_the_duration_without_overlap_or_gap_FEL_20()
    {
        var plan = new[] { Block(Site.GUILIN, "2024-07-01", "2024-12-31"), Block(Site.XIANGYA2, "2025-01-01", "2025-03-31"), Block(Site.GUILIN, "2025-04-01", "2025-06-30") };
        SiteRotationRules.Check(plan, 12, Reported, [Evaluation], null, null).ShouldBe((new DateOnly(2024, 7, 1), new DateOnly(2025, 6, 30)));

        Refusal([Block(Site.GUILIN, "2024-07-01", "2024-12-31"), Block(Site.XIANGYA2, "2024-12-31", "2025-06-30")]).ShouldBe("rotation.blocks_overlap");
        Refusal([Block(Site.GUILIN, "2024-07-01", "2024-12-30"), Block(Site.XIANGYA2, "2025-01-01", "2025-06-30")]).ShouldBe("rotation.gap");
        Refusal([Block(Site.GUILIN, "2024-07-01", "2024-12-31"), Block(Site.XIANGYA2, "2025-01-01", "2025-07-31")]).ShouldBe("rotation.duration_mismatch");
        Refusal([Block(Site.GUILIN, "2024-06-30", "2024-12-31"), Block(Site.XIANGYA2, "2025-01-01", "2025-06-29")]).ShouldBe("rotation.starts_before_reporting");
        Refusal([Block(Site.GUILIN, "2024-07-01", "2025-06-30")]).ShouldBe("rotation.both_sites_required");
        SiteRotationRules.Check([Block(Site.GUILIN, "2024-07-01", "2025-06-30")], 12, Reported, [Evaluation], "Second Xiangya places full this year", null);
        Refusal([Block(Site.GUILIN, "2024-07-02", "2024-12-31"), Block(Site.XIANGYA2, "2025-01-01", "2025-07-01")], fixedStart: Reported).ShouldBe("rotation.start_fixed");
        Refusal([Block(Site.GUILIN, "2024-12-31", "2024-07-01")]).ShouldBe("rotation.invalid_block");
        Refusal([]).ShouldBe("rotation.blocks_required");
        Should.Throw<DomainException>(() => SiteRotationRules.Check([Block(Site.GUILIN, "2024-07-01", "2025-06-30")], 12, Reported, [], "x", null))
            .Code.ShouldBe("rotation.evaluation_required");
        // a six-month technician
        SiteRotationRules.Check([Block(Site.XIANGYA2, "2024-07-01", "2024-09-30"), Block(Site.GUILIN, "2024-10-01", "2024-12-31")], 6, Reported, [Evaluation], null, null)
            .End.ShouldBe(new DateOnly(2024, 12, 31));
    }

    [Fact]
    public void Resident_ID_numbers_are_checked_and_give_the_birth_date()
    {
        var id = TestIds.NewResidentId(new DateOnly(1980, 2, 29));
        ResidentId.IsValid(id, new DateOnly(2024, 5, 15)).ShouldBeTrue();
        ResidentId.BirthDate(id).ShouldBe(new DateOnly(1980, 2, 29));
        ResidentId.IsValid(id[..17] + (id[17] == '0' ? '1' : '0'), new DateOnly(2024, 5, 15)).ShouldBeFalse();
        ResidentId.IsValid(id[..17], new DateOnly(2024, 5, 15)).ShouldBeFalse();
        ChinaTime.FullYears(new DateOnly(1978, 5, 15), new DateOnly(2024, 5, 14)).ShouldBe(45);
        ChinaTime.FullYears(new DateOnly(1978, 5, 15), new DateOnly(2024, 5, 15)).ShouldBe(46);
    }

    [Fact]
    public void Applying_again_after_a_withdrawal_starts_selection_afresh_FEL_27()
    {
        var at = new DateTimeOffset(2024, 5, 15, 9, 0, 0, TestClock.ChinaStandardTime);
        var f = new Fellowship();
        f.On(new ApplicationSubmitted(2024, Guid.NewGuid(), "450000199001011234", "韦", "13812345678", Physician(1), [Eligibility.AgeOverLimit], [], "applicant:1", at));
        f.On(new FlagAcknowledged(Eligibility.AgeOverLimit, "fine", "fellowship-admin:1", at));
        f.On(new ApplicationProposed(null, null, 1, "fellowship-admin:1", at));
        f.On(new NoticeIssued("GLYY-FEL-2024-0101", new DateOnly(2024, 7, 1), null, "fellowship-admin:1", at));
        f.On(new ReportingDocumentsTicked([new ReportingTick("ID_COPY", true, true)], "fellowship-admin:1", at));
        f.On(new ApplicationWithdrawn("family", "applicant:1", at));
        f.HoldsPlace.ShouldBeFalse();
        f.On(new ApplicationSubmitted(2024, f.ApplicantId, f.DocumentNumber, f.Name, f.Mobile, Physician(2), [], [], "applicant:1", at));
        f.Status.ShouldBe(FellowshipStatus.SUBMITTED);
        f.Notice.ShouldBeNull();
        f.PlaceNumber.ShouldBeNull();
        f.ReportingTicks.ShouldBeEmpty();
        f.Acknowledgements.ShouldBeEmpty();
        f.PositionNo.ShouldBe(2);
    }
}
