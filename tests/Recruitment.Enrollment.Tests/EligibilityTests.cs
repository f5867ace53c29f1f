using static Recruitment.Enrollment.Tests.Applicants;

namespace Recruitment.Enrollment.Tests;

/// <summary>The eligibility rules of DOMAIN.md 3.3 and 3.5 as pure functions (no database), including the section 10 refusals.</summary>
public sealed class EligibilityTests
{
    private static readonly RecruitmentCycle Cycle = LoadRecruitmentCycleHandler.Parse(ReferenceDataLoader.ReadShipped(2024), DateTimeOffset.UnixEpoch);

    private static readonly OtherSplit B03Split = new()
    {
        Id = OtherSplit.IdFor(2024, "B03"),
        Year = 2024,
        BaseCode = "B03",
        Items = [new("Internal Medicine", 30), new("Surgery", 21)],
    };

    private static string Refused(ApplicationChoice choice, Profile profile, OtherSplit? split = null) =>
        Should.Throw<DomainException>(() => Eligibility.Residency(choice, profile, Cycle, split)).Code;

    [Fact]
    public void A_full_time_clinical_bachelor_applying_independently_is_eligible_ENR_18()
    {
        Eligibility.Residency(Independent(), Profile(), Cycle, null).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("B04", "GP")]
    [InlineData("B12", "GP")]
    [InlineData("B02", "PSY")]
    public void A_cell_marked_slash_in_the_quota_table_is_refused_ENR_03(string baseCode, string specialty) =>
        Refused(Independent(baseCode, specialty), Profile()).ShouldBe("application.cell_not_offered");

    [Fact]
    public void The_general_declaration_is_mandatory_ENR_17() =>
        Refused(Independent() with { Declaration = false }, Profile()).ShouldBe("eligibility.declaration_required");

    [Fact]
    public void An_incomplete_profile_is_refused_ENR_10()
    {
        var profile = Profile() with { Education = [Bachelor() with { School = null }] };
        var refusal = Should.Throw<DomainException>(() => Eligibility.Residency(Independent(), profile, Cycle, null));
        refusal.Code.ShouldBe("application.profile_incomplete");
        ((IReadOnlyList<string>)refusal.Extensions["missing"]!).ShouldContain("education[0].school");
    }

    [Fact]
    public void An_academic_degree_postgraduate_is_refused_ENR_23() =>
        Refused(Independent(), Profile([Bachelor(), Master(DegreeType.ACADEMIC)])).ShouldBe("eligibility.academic_degree_excluded");

    [Fact]
    public void A_student_still_enrolled_in_an_academic_masters_is_refused_ENR_23() =>
        Refused(Independent(), Profile([Bachelor(), Master(DegreeType.ACADEMIC, inProgress: true)])).ShouldBe("eligibility.academic_degree_excluded");

    [Fact]
    public void A_professional_masters_holder_is_eligible_ENR_23() =>
        Eligibility.Residency(Independent(), Profile([Bachelor(), Master(DegreeType.PROFESSIONAL)]), Cycle, null).ShouldBeEmpty();

    [Fact]
    public void An_adult_bachelor_applying_independently_is_refused_ENR_24() =>
        Refused(Independent(), Profile([Bachelor(mode: EducationMode.ADULT)], [Qualification, Practising]))
            .ShouldBe("eligibility.adult_bachelor_requires_sponsored_practising");

    [Fact]
    public void An_adult_bachelor_without_a_practising_certificate_is_refused_ENR_24() =>
        Refused(Sponsored(), Profile([Bachelor(mode: EducationMode.ADULT)], [Qualification]))
            .ShouldBe("eligibility.adult_bachelor_requires_sponsored_practising");

    [Fact]
    public void A_sponsored_adult_bachelor_with_a_practising_certificate_is_eligible_ENR_24() =>
        Eligibility.Residency(Sponsored(), Profile([Bachelor(mode: EducationMode.ADULT)], [Qualification, Practising]), Cycle, null)
            .ShouldBeEmpty();

    [Fact]
    public void A_free_student_choosing_a_specialty_other_than_GP_is_refused_ENR_25() =>
        Refused(Sponsored("B01", "PED"), Profile(freeStudent: new FreeStudent(EducationLevel.BACHELOR, "Nong'an Hospital", "Nong'an", false)))
            .ShouldBe("eligibility.free_student_gp_only");

    [Fact]
    public void A_defaulting_free_student_is_refused_ENR_25() =>
        Refused(Sponsored(), Profile(freeStudent: new FreeStudent(EducationLevel.BACHELOR, "Nong'an Hospital", "Nong'an", true)))
            .ShouldBe("eligibility.free_student_defaulter");

    [Fact]
    public void A_junior_college_free_student_belongs_to_the_assistant_GP_track_ENR_26() =>
        Refused(Sponsored(), Profile(freeStudent: new FreeStudent(EducationLevel.JUNIOR_COLLEGE, "Nong'an Hospital", "Nong'an", false)))
            .ShouldBe("eligibility.free_student_assistant_gp_only");

    [Fact]
    public void A_free_student_is_sponsored_by_the_directed_unit_ENR_25() =>
        Refused(Independent(), Profile(freeStudent: new FreeStudent(EducationLevel.BACHELOR, "Nong'an Hospital", "Nong'an", false)))
            .ShouldBe("eligibility.free_student_sponsored_only");

    [Fact]
    public void A_sponsored_applicant_must_apply_for_the_specialty_they_practise_ENR_27() =>
        Refused(Sponsored("B01", "PED", current: "GP"), Profile()).ShouldBe("eligibility.sponsored_specialty_mismatch");

    [Fact]
    public void An_independent_applicant_must_accept_reallocation_ENR_28() =>
        Refused(Independent() with { AcceptsReallocation = false }, Profile()).ShouldBe("eligibility.reallocation_acceptance_required");

    [Fact]
    public void An_independent_applicant_declares_no_employment_ENR_22() =>
        Refused(Independent() with { DeclaresNoEmployment = false }, Profile()).ShouldBe("eligibility.independent_declaration_required");

    [Fact]
    public void A_non_clinical_major_without_a_physician_qualification_is_refused_ENR_18() =>
        Refused(Independent(), Profile([Bachelor(major: "Nursing")])).ShouldBe("eligibility.education_not_qualifying");

    [Fact]
    public void A_physician_qualification_certificate_qualifies_without_a_clinical_degree_ENR_18() =>
        Eligibility.Residency(Sponsored(), Profile([Bachelor(major: "Nursing")], [Qualification]), Cycle, null).ShouldBeEmpty();

    [Fact]
    public void A_missing_degree_certificate_is_a_soft_flag_not_a_refusal_ENR_19() =>
        Eligibility.Residency(Independent(), Profile([Bachelor(degree: false)]), Cycle, null).ShouldBe(["DEGREE_CERT_MISSING"]);

    [Fact]
    public void OTHER_needs_the_bases_published_split_ENR_06()
    {
        var choice = Independent("B03", "OTHER") with { OtherSpecialty = "Surgery" };
        Refused(choice, Profile()).ShouldBe("application.other_split_pending");
        Refused(choice with { OtherSpecialty = "Dermatology" }, Profile(), B03Split).ShouldBe("application.other_specialty_not_offered");
        Eligibility.Residency(choice, Profile(), Cycle, B03Split).ShouldBeEmpty();
    }

    private static AssistantGpForm Att3(Category category = Category.INDEPENDENT, FreeStudent? free = null, bool consent = false) =>
        new(Gender.MALE, "Han", "2003-04", null, null, null, null, null, null, "Nong'an, Jilin", null, null,
            [new AssistantGpEducation(EducationLevel.JUNIOR_COLLEGE, EducationMode.FULL_TIME, "Jilin Medical College", "Clinical Medicine",
                new DateOnly(2021, 9, 1), new DateOnly(2024, 6, 30))],
            [], null, category, category == Category.SPONSORED ? "Nong'an Township Health Centre" : null, true, consent, free, false, true, true);

    [Fact]
    public void A_junior_college_graduate_is_the_assistant_GP_target_group_ENR_36() =>
        Eligibility.AssistantGp(Att3()).ShouldBeEmpty();

    [Fact]
    public void A_sponsored_assistant_GP_registrant_needs_the_sealed_employer_opinion_ENR_39()
    {
        Should.Throw<DomainException>(() => Eligibility.AssistantGp(Att3(Category.SPONSORED))).Code.ShouldBe("agp.employer_consent_required");
        Eligibility.AssistantGp(Att3(Category.SPONSORED, consent: true)).ShouldBeEmpty();
    }

    [Fact]
    public void A_bachelor_level_free_student_cannot_take_the_assistant_GP_track_ENR_26() =>
        Should.Throw<DomainException>(() => Eligibility.AssistantGp(Att3(free: new FreeStudent(EducationLevel.BACHELOR, "X", "Y", false))))
            .Code.ShouldBe("eligibility.free_student_residency_only");
}
