using static Recruitment.Enrollment.Tests.Applicants;

namespace Recruitment.Enrollment.Tests;

/// <summary>On-site confirmation (ENR-32, ENR-33): the checklist gates confirmation; the window closes by schedule.</summary>
[Collection(OnsiteCollection.Name)]
public sealed class ConfirmationTests(RecruitmentApp app)
{
    private async Task<Guid> ApprovedAsync(Domain.ApplicationChoice? choice = null)
    {
        app.Clock.Set(2024, 6, 20);
        var (id, _, _) = await SubmittedAsync(app, choice);
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/review", new { decision = "APPROVE", identityVerified = true }))
            .ShouldBeSuccessAsync();
        return id;
    }

    private static object Tick(string code) => new { code, originalSeen = true, copyReceived = true };

    [Fact]
    public async Task Confirmation_is_refused_until_every_required_material_is_ticked_ENR_33()
    {
        var id = await ApprovedAsync();
        app.Clock.Set(2024, 7, 2);
        using var b01 = await app.SignedInAsync("t-b01");
        var checklist = await (await b01.GetAsync($"/api/enrollment/applications/{id}/checklist")).JsonAsync();
        checklist.GetProperty("missing").EnumerateArray().Select(e => e.GetString()).ShouldBe(["ID_CARD", "DIPLOMA_1", "DEGREE_1"]);

        await (await b01.PutAsJsonAsync($"/api/enrollment/applications/{id}/checklist", new { items = new[] { Tick("ID_CARD"), Tick("DIPLOMA_1") } }))
            .ShouldBeSuccessAsync();
        var refused = await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/confirmation", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "confirmation.checklist_incomplete");
        refused.GetProperty("missing").EnumerateArray().Select(e => e.GetString()).ShouldBe(["DEGREE_1"]);
        await (await b01.PutAsJsonAsync($"/api/enrollment/applications/{id}/checklist", new { items = new[] { Tick("PASSPORT") } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "checklist.unknown_item");

        await (await b01.PutAsJsonAsync($"/api/enrollment/applications/{id}/checklist", new { items = new[] { Tick("DEGREE_1") } })).ShouldBeSuccessAsync();
        (await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/confirmation", new { })).JsonAsync())
            .GetProperty("status").GetString().ShouldBe("CONFIRMED");
    }

    private static object Exemption(string basis = "CLINICAL_EXPERIENCE", string major = "Clinical Medicine", string? direction = null,
        string country = "CN", int? years = 3) =>
        new { basis, degreeMajor = major, degreeDirection = direction, awardingInstitution = "Jilin University", country, experienceYears = years };

    [Fact]
    public async Task Requesting_an_exemption_on_site_needs_the_form_and_adds_it_to_the_checklist_ENR_29()
    {
        var id = await ApprovedAsync();
        app.Clock.Set(2024, 7, 3);
        using var b01 = await app.SignedInAsync("t-b01");
        await b01.PutAsJsonAsync($"/api/enrollment/applications/{id}/checklist",
            new { items = new[] { Tick("ID_CARD"), Tick("DIPLOMA_1"), Tick("DEGREE_1") } });
        await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/confirmation", new { exemptionRequested = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "confirmation.exemption_form_required");
        var refused = await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/confirmation",
                new { exemptionRequested = true, exemption = Exemption() }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "confirmation.checklist_incomplete");
        refused.GetProperty("missing").EnumerateArray().Select(e => e.GetString()).ShouldBe(["EXEMPTION_APPLICATION_FORM"]);
    }

    [Theory]
    [InlineData("PROFESSIONAL_MASTER_CLINICAL", "Clinical Medicine", "Pediatrics", "CN", "exemption.major_mismatch")]
    [InlineData("DOCTORATE_CLINICAL", "Biology", "General Practice", "US", "exemption.foreign_non_clinical_doctorate")]
    public async Task An_inadmissible_exemption_request_is_refused_at_the_desk_and_nothing_is_confirmed_EXM_03(string basis, string major,
        string direction, string country, string code)
    {
        var education = basis.StartsWith("DOCTORATE", StringComparison.Ordinal)
            ? new Domain.Education(Domain.EducationLevel.DOCTORATE, Domain.EducationMode.FULL_TIME, Domain.DegreeType.PROFESSIONAL, "MIT", major, country,
                new DateOnly(2019, 9, 1), new DateOnly(2023, 6, 30), false, "DIP-3", "DEG-3")
            : Master(Domain.DegreeType.PROFESSIONAL);
        app.Clock.Set(2024, 6, 20);
        var (id, _, _) = await SubmittedAsync(app, Independent(), Profile([Bachelor(), education]));
        using (var reviewer = await app.SignedInAsync("t-b01"))
            await (await reviewer.PostAsJsonAsync($"/api/enrollment/applications/{id}/review", new { decision = "APPROVE", identityVerified = true }))
                .ShouldBeSuccessAsync();
        app.Clock.Set(2024, 7, 3);
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/confirmation",
                new { exemptionRequested = true, exemption = Exemption(basis, major, direction, country, null) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, code);
        var detail = await (await b01.GetAsync($"/api/enrollment/applications/{id}")).JsonAsync();
        detail.GetProperty("application").GetProperty("status").GetString().ShouldBe("APPROVED");
    }

    [Fact]
    public async Task Confirmation_outside_the_on_site_window_is_refused_and_unconfirmed_applicants_become_NOT_CONFIRMED_ENR_32()
    {
        var id = await ApprovedAsync();
        using (var early = await app.SignedInAsync("t-b01"))
            await (await early.PostAsJsonAsync($"/api/enrollment/applications/{id}/confirmation", new { }))
                .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "confirmation.window_closed");

        app.Clock.Set(2024, 7, 5, 0, 0, 0);
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/confirmation", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "confirmation.window_closed");
        await app.Service<IMessageBus>().InvokeAsync(new CloseStage(2024, Stage.OnsiteConfirmation));
        var detail = await (await b01.GetAsync($"/api/enrollment/applications/{id}")).JsonAsync();
        detail.GetProperty("application").GetProperty("status").GetString().ShouldBe("NOT_CONFIRMED");
    }

    [Fact]
    public async Task Only_approved_applications_can_be_confirmed()
    {
        app.Clock.Set(2024, 6, 20);
        var (id, _, _) = await SubmittedAsync(app);
        app.Clock.Set(2024, 7, 2);
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/confirmation", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.invalid_status");
    }
}
