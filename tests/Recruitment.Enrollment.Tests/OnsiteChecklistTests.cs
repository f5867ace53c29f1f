using static Recruitment.Enrollment.Tests.Applicants;

namespace Recruitment.Enrollment.Tests;

/// <summary>ENR-33: the materials checklist follows the applicant's own attributes.</summary>
public sealed class OnsiteChecklistTests
{
    private static Application Applying(ApplicationChoice choice, Profile profile)
    {
        var application = new Application();
        application.On(new ApplicationSubmitted(2024, Guid.NewGuid(), "X", "N", "13912345678", choice, profile, [], "t", DateTimeOffset.UnixEpoch));
        return application;
    }

    private static IEnumerable<string> Codes(Application a, bool exemption = false) => OnsiteChecklist.For(a, exemption).Select(i => i.Code);

    [Fact]
    public void An_independent_graduate_brings_the_ID_card_and_every_certificate_from_first_to_highest()
    {
        var a = Applying(Independent(), Profile([Bachelor(), Master(DegreeType.PROFESSIONAL)]));
        Codes(a).ShouldBe(["ID_CARD", "DIPLOMA_1", "DEGREE_1", "DIPLOMA_2", "DEGREE_2"]);
    }

    /// <summary>ENR-21: a sponsored applicant brings the contract copy and the sealed employer consent, required at on-site confirmation.</summary>
    [Fact]
    public void A_sponsored_physician_adds_qualification_contract_and_sealed_consent_and_the_exemption_form_when_requested()
    {
        var a = Applying(Sponsored(), Profile(certificates: [Qualification]));
        Codes(a, exemption: true).ShouldBe(["ID_CARD", "DIPLOMA_1", "DEGREE_1", "PHYSICIAN_QUALIFICATION", "EMPLOYMENT_CONTRACT",
            "EMPLOYER_CONSENT", "EXEMPTION_APPLICATION_FORM"]);
    }

    [Fact]
    public void A_free_student_brings_the_directed_agreement_and_never_needs_employer_consent_ENR_25()
    {
        var a = Applying(Sponsored(), Profile(freeStudent: new FreeStudent(EducationLevel.BACHELOR, "Nong'an Hospital", "Nong'an", false)));
        Codes(a).ShouldContain("DIRECTED_EMPLOYMENT_AGREEMENT");
        Codes(a).ShouldNotContain("EMPLOYER_CONSENT");
    }

    [Fact]
    public void An_item_is_satisfied_only_when_both_the_original_and_the_copy_it_requires_are_ticked()
    {
        var a = Applying(Independent(), Profile());
        var required = OnsiteChecklist.For(a, false);
        OnsiteChecklist.Missing(required, [new("ID_CARD", true, false)]).ShouldContain("ID_CARD");
        OnsiteChecklist.Missing(required, [new("ID_CARD", true, true), new("DIPLOMA_1", true, true), new("DEGREE_1", true, true)]).ShouldBeEmpty();
    }
}
