using static Recruitment.AdvancedFellowship.Tests.Fellows;

namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>The HARD and SOFT application rules of DOMAIN.md 7.3 as a pure function over the shipped 2024 table.</summary>
public sealed class EligibilityTests
{
    private static readonly DateOnly Submitted = new(2024, 5, 15);
    private static readonly DateOnly Birth = new(1990, 1, 1);

    private static EligibleApplication Check(FellowshipForm form, DateOnly? birth = null, DateOnly? on = null) =>
        Eligibility.Check(form, Shipped, birth ?? Birth, on ?? Submitted);

    private static string Refusal(FellowshipForm form, DateOnly? birth = null) =>
        Should.Throw<DomainException>(() => Check(form, birth)).Code;

    [Fact]
    public void A_complete_physician_form_for_every_row_is_eligible_without_flags_FEL_09()
    {
        foreach (var position in Shipped.Positions)
        {
            var result = Check(Physician(position.No));
            result.Position.No.ShouldBe(position.No);
            result.Flags.ShouldBeEmpty();
        }
        Check(Technician()).PostType.ShouldBe(PostType.TECHNICIAN);
    }

    [Fact]
    public void Every_empty_mandatory_field_is_named_FEL_16()
    {
        var form = Physician() with { Gender = null, SendingUnit = new SendingUnit(Unit, null, "450312", "0773-5588123", null), UnitOpinion = " ", ApplicantSigned = false };
        var e = Should.Throw<DomainException>(() => Check(form));
        e.Code.ShouldBe("application.form_incomplete");
        e.Status.ShouldBe(400);
        ((IReadOnlyList<string>)e.Extensions["missing"]!).ShouldBe(["gender", "sendingUnit", "applicantSigned", "unitOpinion"]);
        // a technician's physician certificates and the fax are optional
        Check(Technician() with { SendingUnit = Technician().SendingUnit! with { Fax = null } });
    }

    [Theory]
    [InlineData("0773-2836275", true)]
    [InlineData("077-12345678", true)]
    [InlineData("13812345678", true)]
    [InlineData("2836275", false)]
    [InlineData("0773 2836275", false)]
    [InlineData("773-2836275", false)]
    [InlineData("1381234567", false)]
    public void A_unit_phone_carries_the_area_code_or_is_a_mobile_FEL_16(string phone, bool valid)
    {
        var form = Physician() with { SendingUnit = Physician().SendingUnit! with { Phone = phone } };
        if (valid) Check(form);
        else Refusal(form).ShouldBe("application.invalid_phone");
        if (!valid) Refusal(Physician() with { SendingUnit = Physician().SendingUnit! with { Fax = phone } }).ShouldBe("application.invalid_phone");
    }

    [Fact]
    public void The_sending_unit_is_a_Guangxi_medical_institution_FEL_04()
    {
        Refusal(Physician() with { SendingUnit = Physician().SendingUnit! with { DivisionCode = "220102" } }).ShouldBe("eligibility.sending_unit_outside_guangxi");
        Refusal(Physician() with { SendingUnit = Physician().SendingUnit! with { DivisionCode = "45" } }).ShouldBe("application.invalid_division_code");
        Check(Physician() with { SendingUnit = Physician().SendingUnit! with { DivisionCode = "450100" } });
    }

    [Fact]
    public void One_known_row_and_one_of_its_post_types_FEL_09()
    {
        Refusal(Physician() with { PositionNo = 13 }).ShouldBe("application.unknown_position");
        Refusal(Physician(1) with { PostType = PostType.TECHNICIAN }).ShouldBe("application.post_type_not_offered");
    }

    [Fact]
    public void Durations_follow_the_department_and_the_row_FEL_07_FEL_08()
    {
        Refusal(Physician(12, months: 13)).ShouldBe("eligibility.medtech_duration_exceeded");
        Refusal(Physician(10, months: 6)).ShouldBe("eligibility.clinical_duration_too_short");
        Refusal(Physician(1, months: 18)).ShouldBe("application.duration_not_offered");
        Refusal(Technician() with { DurationMonths = 12 }).ShouldBe("application.duration_not_offered");
        Check(Physician(12, months: 12)).DurationMonths.ShouldBe(12);
    }

    [Fact]
    public void Bachelor_or_above_FEL_09()
    {
        Refusal(Physician() with { Education = Physician().Education! with { Level = EducationLevel.JUNIOR_COLLEGE } }).ShouldBe("eligibility.education_below_bachelor");
        Check(Physician() with { Education = Physician().Education! with { Level = EducationLevel.MASTER } });
    }

    [Fact]
    public void A_physician_has_completed_residency_or_holds_an_attending_title_FEL_07()
    {
        var junior = Physician().Title! with { Level = TitleLevel.JUNIOR };
        Refusal(Physician() with { Title = junior, Residency = new ResidencyEntry(false, null) }).ShouldBe("eligibility.title_or_residency_required");
        Refusal(Physician() with { Title = Physician().Title! with { Series = TitleSeries.TECHNICIAN }, Residency = new ResidencyEntry(false, null) })
            .ShouldBe("eligibility.title_or_residency_required");
        Check(Physician() with { Title = junior, Residency = new ResidencyEntry(true, "RES-9") });
        Check(Physician() with { Residency = new ResidencyEntry(false, null) });
    }

    [Fact]
    public void A_technician_holds_an_intermediate_technician_title_in_rehabilitation_section_7_2()
    {
        Refusal(Technician() with { Title = Technician().Title! with { Level = TitleLevel.JUNIOR } }).ShouldBe("eligibility.technician_title_required");
        Refusal(Technician() with { Title = Technician().Title! with { Specialty = PracticeScope.INTERNAL_MEDICINE } }).ShouldBe("eligibility.technician_title_required");
        Refusal(Technician() with { Title = Physician(10).Title }).ShouldBe("eligibility.technician_title_required");
    }

    [Fact]
    public void The_units_conduct_attestation_and_the_good_health_declaration_are_required_to_submit_FEL_05()
    {
        foreach (var (form, field) in new[]
                 {
                     (Physician() with { UnitAttestsConduct = false }, "unitAttestsConduct"),
                     (Physician() with { DeclaresGoodHealth = false }, "declaresGoodHealth"),
                 })
        {
            var refused = Should.Throw<DomainException>(() => Check(form));
            refused.Code.ShouldBe("application.form_incomplete");
            ((IEnumerable<string>)refused.Extensions!["missing"]!).ShouldBe([field]);
        }
    }

    [Theory]
    [InlineData(0, "eligibility.work_years_out_of_range")]
    [InlineData(1, null)]
    [InlineData(5, null)]
    [InlineData(6, null)]
    [InlineData(12, null)]
    public void Work_years_are_at_least_the_rows_1_full_year_and_above_5_only_a_SOFT_flag_FEL_09(int years, string? code)
    {
        var form = Physician() with { SpecialtyWorkStart = Submitted.AddYears(-years) };
        if (code is null) Check(form).Flags.Contains(Eligibility.WorkYearsAboveRow).ShouldBe(years > 5, "above the row's 5 years: flagged for the reviewer, never refused");
        else Refusal(form).ShouldBe(code);
        // one day short of a full year is not a year
        if (years == 1) Refusal(Physician() with { SpecialtyWorkStart = Submitted.AddYears(-1).AddDays(1) }).ShouldBe("eligibility.work_years_out_of_range");
    }

    [Fact]
    public void A_medical_technology_trainee_has_three_years_and_both_physician_certificates_FEL_08()
    {
        Refusal(Physician(12) with { SpecialtyWorkStart = Submitted.AddYears(-2) }).ShouldBe("eligibility.medtech_work_years");
        Check(Physician(12) with { SpecialtyWorkStart = Submitted.AddYears(-3) });
        Refusal(Physician(12) with { Certificates = null }).ShouldBe("eligibility.medtech_certificates_required");
        Refusal(Physician(12) with { Certificates = Physician(12).Certificates! with { QualificationNumber = "" } }).ShouldBe("eligibility.medtech_certificates_required");
        Refusal(Physician(1) with { Certificates = null }).ShouldBe("eligibility.physician_certificates_required");
        // the clinical rows keep their 1-year minimum
        Check(Physician(1) with { SpecialtyWorkStart = Submitted.AddYears(-2) });
    }

    [Fact]
    public void Practice_location_matches_the_sending_unit_and_scope_the_specialty_for_physicians_FEL_13()
    {
        Refusal(Physician() with { Certificates = Physician().Certificates! with { PracticeLocation = "桂林市人民医院" } }).ShouldBe("eligibility.practice_location_mismatch");
        // printed differently but the same name: spaces, full-width characters, case
        Check(Physician() with { Certificates = Physician().Certificates! with { PracticeLocation = " 桂林市临桂区 人民医院 " } });
        Refusal(Physician(1) with { Certificates = Physician(1).Certificates! with { PracticeScope = PracticeScope.SURGERY } }).ShouldBe("eligibility.practice_scope_mismatch");
        Refusal(Physician(6) with { Certificates = Physician(6).Certificates! with { PracticeScope = PracticeScope.INTERNAL_MEDICINE } }).ShouldBe("eligibility.practice_scope_mismatch");
        Check(Physician(5) with { Certificates = Physician(5).Certificates! with { PracticeScope = PracticeScope.EMERGENCY_MEDICINE } });
        // not applied to technicians, who have no practising certificate
        Check(Technician() with { Certificates = new PhysicianCertificates(null, null, "elsewhere", PracticeScope.SURGERY) });
    }

    [Fact]
    public void Over_45_in_full_years_on_the_submission_day_is_a_flag_not_a_refusal_FEL_06()
    {
        Check(Physician(), birth: Submitted.AddYears(-46).AddDays(1)).Flags.ShouldBeEmpty();
        Check(Physician(), birth: Submitted.AddYears(-46)).Flags.ShouldBe([Eligibility.AgeOverLimit]);
        Check(Physician(), birth: Submitted.AddYears(-60)).Flags.ShouldBe([Eligibility.AgeOverLimit]);
    }

    [Fact]
    public void Uploads_follow_the_form_and_the_rows_certificates_FEL_09_FEL_11()
    {
        RequiredFor(Physician(1)).ShouldBe([
            DocumentKind.PHOTO, DocumentKind.ID_CARD, DocumentKind.DIPLOMA, DocumentKind.DEGREE, DocumentKind.TITLE_CERTIFICATE,
            DocumentKind.RESIDENCY_CERTIFICATE, DocumentKind.PHYSICIAN_QUALIFICATION, DocumentKind.PRACTISING_CERTIFICATE,
        ]);
        RequiredFor(Physician(5)).ShouldContain(DocumentKind.ECMO_TRAINING);
        RequiredFor(Physician(9)).ShouldContain(DocumentKind.ENDOSCOPY_QUALIFICATION);
        RequiredFor(Physician(11)).ShouldContain(DocumentKind.ANESTHESIA_TRAINING);
        RequiredFor(Physician(10)).ShouldContain(DocumentKind.REHABILITATION_QUALIFICATION);
        RequiredFor(Technician()).ShouldBe([DocumentKind.PHOTO, DocumentKind.ID_CARD, DocumentKind.DIPLOMA, DocumentKind.DEGREE, DocumentKind.TITLE_CERTIFICATE]);
    }
}
