using static Recruitment.Enrollment.Tests.Applicants;

namespace Recruitment.Enrollment.Tests;

/// <summary>The assistant-GP track (ENR-35..ENR-40): on-site registration keyed in by B07, the stamp, the Att4 list.</summary>
[Collection(EnrollmentCollection.Name)]
public sealed class AssistantGpRegistrationTests(RecruitmentApp app)
{
    private const string Route = "/api/enrollment/bases/B07/assistant-gp-registrations";

    internal static object Att3(string idNumber, string category = "INDEPENDENT", bool consent = false, string? employer = null) => new
    {
        year = 2024,
        name = "王五",
        idNumber,
        mobile = "13700001111",
        form = new
        {
            gender = "MALE",
            ethnicity = "Han",
            birthMonth = "2003-04",
            mailingAddress = "Nong'an, Jilin",
            email = "w5@example.cn",
            education = new[]
            {
                new { level = "JUNIOR_COLLEGE", mode = "FULL_TIME", school = "Jilin Medical College", major = "Clinical Medicine", start = "2021-09-01", end = "2024-06-30" },
            },
            clinicalExperience = Array.Empty<object>(),
            category,
            employerName = employer,
            employerIsRuralGrassroots = true,
            employerConsentSealed = consent,
            applicantSigned = true,
            declaration = true,
        },
    };

    [Fact]
    public async Task B07_registers_on_site_stamps_the_form_and_lists_qualified_registrants_ENR_38_ENR_40()
    {
        app.Clock.Set(2024, 7, 2);
        using var b07 = await app.SignedInAsync("t-b07");
        var idNumber = TestIds.NewResidentId(new DateOnly(2003, 4, 1));
        var created = await b07.PostAsJsonAsync(Route, Att3(idNumber, "SPONSORED", consent: true, employer: "Nong'an Township Health Centre"));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("applicationId").GetGuid();
        var materials = new[] { "ATT3_FORM", "ID_CARD", "EDUCATION_CERTIFICATE", "EMPLOYMENT_CONTRACT", "EMPLOYER_OPINION" }; // ENR-38, ENR-39
        await (await b07.PutAsJsonAsync($"/api/enrollment/applications/{id}/assistant-gp-checklist",
            new { items = materials.Select(code => new { code, originalSeen = true, copyReceived = true }) })).ShouldBeSuccessAsync();

        (await (await b07.PostAsJsonAsync($"/api/enrollment/applications/{id}/review", new { decision = "APPROVE", reason = "stamped" })).JsonAsync())
            .GetProperty("status").GetString().ShouldBe("QUALIFIED");
        var att4 = await (await b07.GetAsync(Route + "?status=QUALIFIED&pageSize=100")).JsonAsync();
        var row = att4.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("applicationId").GetGuid() == id);
        row.GetProperty("category").GetString().ShouldBe("SPONSORED");
        row.GetProperty("employer").GetString().ShouldBe("Nong'an Township Health Centre");
        row.GetProperty("highestEducation").GetString().ShouldBe("JUNIOR_COLLEGE");
    }

    [Fact]
    public async Task Assistant_GP_registration_at_any_other_base_is_refused_ENR_35()
    {
        app.Clock.Set(2024, 7, 2);
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync("/api/enrollment/bases/B01/assistant-gp-registrations", Att3(TestIds.NewResidentId())))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "agp.base_not_offered");
        await (await b01.PostAsJsonAsync(Route, Att3(TestIds.NewResidentId()))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
    }

    [Fact]
    public async Task Registration_outside_1_to_4_July_is_refused_ENR_38()
    {
        app.Clock.Set(2024, 7, 5, 0, 0, 0);
        using var b07 = await app.SignedInAsync("t-b07");
        await (await b07.PostAsJsonAsync(Route, Att3(TestIds.NewResidentId()))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "agp.window_closed");
    }

    [Fact]
    public async Task A_sponsored_registrant_without_the_sealed_employer_opinion_is_refused_ENR_39()
    {
        app.Clock.Set(2024, 7, 1, 0, 0, 0);
        using var b07 = await app.SignedInAsync("t-b07");
        await (await b07.PostAsJsonAsync(Route, Att3(TestIds.NewResidentId(), "SPONSORED", consent: false, employer: "Clinic")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "agp.employer_consent_required");
        await (await b07.PostAsJsonAsync(Route, Att3("220101200304011234"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "agp.invalid_id_number");
    }

    [Fact]
    public async Task A_person_with_a_residency_application_cannot_also_register_for_assistant_GP_ENR_13()
    {
        app.Clock.Set(2024, 6, 20);
        var (_, _, idNumber) = await SubmittedAsync(app);
        app.Clock.Set(2024, 7, 2);
        using var b07 = await app.SignedInAsync("t-b07");
        await (await b07.PostAsJsonAsync(Route, Att3(idNumber))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.duplicate");
        var again = TestIds.NewResidentId();
        (await b07.PostAsJsonAsync(Route, Att3(again))).StatusCode.ShouldBe(HttpStatusCode.Created);
        await (await b07.PostAsJsonAsync(Route, Att3(again))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.duplicate");
    }
}
