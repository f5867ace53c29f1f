using System.Globalization;
using Recruitment.BuildingBlocks;
using Recruitment.Enrollment.Contracts;
using Recruitment.TrainingExemption.Contracts;
using Recruitment.TrainingExemption.Domain;
using Shouldly;

namespace Recruitment.TrainingExemption.Tests;

/// <summary>EXM-01..EXM-04 and EXM-10 as pure functions.</summary>
public sealed class ExemptionRulesTests
{
    internal static readonly ExemptionCycle Cycle = new()
    {
        Id = 2024,
        StandardResidencyMonths = 36,
        OnsiteConfirmationEnd = new DateTimeOffset(2024, 7, 4, 23, 59, 59, TimeSpan.FromHours(8)),
        DecisionDeadline = new DateTimeOffset(2024, 8, 31, 23, 59, 59, TimeSpan.FromHours(8)),
        Specialties = [new("GP", "General Practice", "全科"), new("PED", "Pediatrics", "儿科"), new("ANE", "Anesthesiology", "麻醉科"),
            new("OTHER", "Other", "其他")],
    };

    private static readonly DateTimeOffset OnSite = new(2024, 7, 2, 10, 0, 0, TimeSpan.FromHours(8));
    private static readonly HighestEducation ProfessionalMaster = new("MASTER", "PROFESSIONAL", "Clinical Medicine", "CN", false);
    private static readonly HighestEducation Doctorate = new("DOCTORATE", "ACADEMIC", "Biology", "US", false);

    private static ExemptionForm Form(ExemptionBasis basis = ExemptionBasis.PROFESSIONAL_MASTER_CLINICAL, string major = "Clinical Medicine",
        string direction = "General Practice", string country = "CN", int? years = null) =>
        new(basis, major, direction, "Jilin University", country, years, 12);

    private static string? Code(ExemptionForm form, HighestEducation? education = null, Track track = Track.RESIDENCY, string specialty = "GP",
        DateTimeOffset? at = null) =>
        ExemptionRules.Check(new CheckExemptionRequest(2024, track, specialty, null, education ?? ProfessionalMaster, form, at ?? OnSite), Cycle).Code;

    [Fact]
    public void A_clinical_professional_masters_in_the_applied_specialty_is_admissible_EXM_02() => Code(Form()).ShouldBeNull();

    [Fact]
    public void The_degree_direction_may_be_given_by_code_or_Chinese_name() => Code(Form(direction: "全科")).ShouldBeNull();

    [Fact]
    public void An_assistant_GP_request_is_refused_EXM_01_ENR_42() => Code(Form(), track: Track.ASSISTANT_GP).ShouldBe("exemption.assistant_gp_excluded");

    [Fact]
    public void A_degree_direction_other_than_the_training_specialty_is_refused_EXM_03() =>
        Code(Form(direction: "Pediatrics")).ShouldBe("exemption.major_mismatch");

    [Fact]
    public void A_foreign_doctorate_outside_clinical_medicine_or_stomatology_is_refused_EXM_03() =>
        Code(Form(ExemptionBasis.DOCTORATE_CLINICAL, major: "Biology", country: "US"), Doctorate).ShouldBe("exemption.foreign_non_clinical_doctorate");

    [Fact]
    public void A_foreign_clinical_doctorate_in_the_applied_specialty_is_admissible_EXM_03() =>
        Code(Form(ExemptionBasis.DOCTORATE_CLINICAL, country: "DE"), Doctorate with { Major = "Clinical Medicine", Country = "DE" }).ShouldBeNull();

    [Fact]
    public void A_masters_basis_without_a_professional_masters_degree_is_refused_EXM_02() =>
        Code(Form(), new HighestEducation("MASTER", "ACADEMIC", "Clinical Medicine", "CN", false)).ShouldBe("exemption.basis_not_supported");

    [Fact]
    public void A_stomatology_professional_masters_may_request_an_exemption_ENR_29_EXM_02()
    {
        var stomatology = ProfessionalMaster with { Major = "口腔医学" };
        Code(Form(ExemptionBasis.PROFESSIONAL_MASTER_STOMATOLOGY, major: "口腔医学"), stomatology).ShouldBeNull();
        Code(Form(major: "Stomatology"), ProfessionalMaster with { Major = "Stomatology" }).ShouldBeNull("「（含口腔医学）」 qualifies the master's too");
        Code(Form(ExemptionBasis.PROFESSIONAL_MASTER_STOMATOLOGY, major: "口腔医学"), stomatology with { DegreeType = "ACADEMIC" })
            .ShouldBe("exemption.basis_not_supported");
        Code(Form(ExemptionBasis.PROFESSIONAL_MASTER_STOMATOLOGY, major: "Biology"), stomatology).ShouldBe("exemption.basis_not_supported");
    }

    [Fact]
    public void Experience_based_requests_state_the_years_EXM_02()
    {
        Code(Form(ExemptionBasis.CLINICAL_EXPERIENCE)).ShouldBe("exemption.experience_required");
        Code(Form(ExemptionBasis.CLINICAL_EXPERIENCE, years: 5)).ShouldBeNull();
    }

    [Fact]
    public void A_request_after_on_site_confirmation_ends_is_refused_EXM_04() =>
        Code(Form(), at: new DateTimeOffset(2024, 7, 5, 0, 0, 0, TimeSpan.FromHours(8))).ShouldBe("exemption.request_too_late");

    [Theory]
    [InlineData(24, "GP:12,PED:12", null)]
    [InlineData(24, "GP:12,PED:10", "exemption.months_mismatch")]
    [InlineData(36, "GP:36", "exemption.invalid_months")]
    [InlineData(0, "GP:1", "exemption.invalid_months")]
    [InlineData(12, "IM-CARD:6,IM-RESP:6", null)]
    [InlineData(12, "OTHER:12", "exemption.unknown_department")]
    [InlineData(12, "XYZ:12", "exemption.unknown_department")]
    [InlineData(12, "", "exemption.make_up_required")]
    [InlineData(12, "GP:6,gp:6", "exemption.invalid_make_up")]
    public void Decided_months_are_whole_below_the_standard_and_the_make_up_items_sum_to_them_EXM_10(int months, string items, string? code)
    {
        var list = items.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(i => i.Split(':')).Select(p => new MakeUpItem(p[0], int.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
        // EXM-10, ROT-04: items name rotation departments; the catalogue answers as Rotation's contract would.
        string[] departments = ["GP", "PED", "IM-CARD", "IM-RESP", "SURG"];
        (ExemptionRules.MonthsProblem(months, list, Cycle, d => departments.Contains(d.Trim().ToUpperInvariant()))?.Code).ShouldBe(code);
    }
}
