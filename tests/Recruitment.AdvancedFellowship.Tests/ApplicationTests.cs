using static Recruitment.AdvancedFellowship.Tests.Fellows;

namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>Registration, uploads and the application through HTTP (FEL-02, FEL-09, FEL-11, FEL-16, FEL-27).</summary>
[Collection(FellowshipCollection.Name)]
public sealed class ApplicationTests(FellowshipApp app)
{
    [Fact]
    public async Task A_fellowship_account_opens_the_fellowship_routes_and_not_the_residency_ones_FEL_11()
    {
        app.Clock.Set(2024, 5, 1);
        var (_, client) = await RegisterAsync(app);
        await (await client.GetAsync("/api/advanced-fellowship/me/application")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "application.not_found");
        (await client.GetAsync("/api/enrollment/me/application")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var admin = await app.SignedInAsync(Admin);
        (await admin.GetAsync("/api/advanced-fellowship/me/application")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var anonymous = app.Anonymous();
        await (await anonymous.PostAsJsonAsync("/api/advanced-fellowship/accounts",
                new { documentNumber = "450302199001011234", password = Password, name = "韦一", mobile = "13812345678" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "account.invalid_document_number");
        await (await anonymous.PostAsJsonAsync("/api/advanced-fellowship/accounts",
                new { documentNumber = TestIds.NewResidentId(), password = Password, name = "韦一", mobile = "0773-2836275" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "account.invalid_mobile");
    }

    [Fact]
    public async Task Uploads_are_checked_by_content_and_size_FEL_11()
    {
        app.Clock.Set(2024, 5, 1);
        var (_, client) = await RegisterAsync(app);
        using var text = new StringContent("hello");
        await (await client.PutAsync("/api/advanced-fellowship/me/documents/DIPLOMA", text)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "document.unsupported_format");
        using var empty = new ByteArrayContent([]);
        await (await client.PutAsync("/api/advanced-fellowship/me/documents/DIPLOMA", empty)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "document.size_out_of_range");
        using var big = new ByteArrayContent(new byte[2 * 1024 * 1024 + 1]);
        await (await client.PutAsync("/api/advanced-fellowship/me/documents/DIPLOMA", big)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "document.size_out_of_range");
        using var pdf = new ByteArrayContent(Pdf);
        await (await client.PutAsync("/api/advanced-fellowship/me/documents/PASSPORT", pdf)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "document.unknown_kind");
        await client.UploadAsync([DocumentKind.DIPLOMA]);
        var list = await (await client.GetAsync("/api/advanced-fellowship/me/documents")).JsonAsync();
        list.GetArrayLength().ShouldBe(1);
        list[0].GetProperty("contentType").GetString().ShouldBe("application/pdf");
        (await (await client.GetAsync("/api/advanced-fellowship/me/documents/DIPLOMA")).Content.ReadAsByteArrayAsync()).ShouldBe(Pdf);
    }

    [Fact]
    public async Task Applications_open_on_05_10_and_late_ones_are_refused_with_nothing_stored_FEL_02()
    {
        app.Clock.Set(2024, 5, 9, 23, 30);
        var (idNumber, client) = await RegisterAsync(app);
        var form = Physician(4);
        await client.UploadAsync(RequiredFor(form));

        app.Clock.Set(2024, 5, 9, 23, 59, 59);
        await (await client.ApplyAsync(form)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.window_closed");
        await (await client.GetAsync("/api/advanced-fellowship/me/application")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "application.not_found");
        app.Clock.Set(2024, 5, 10, 0, 0, 0);
        (await (await client.ApplyAsync(form)).JsonAsync()).GetProperty("status").GetString().ShouldBe("SUBMITTED");

        app.Clock.Set(2024, 5, 31, 23, 59, 59);
        using var late = await app.SignedInAsync(idNumber, Password);
        (await (await late.ApplyAsync(form with { ResearchExperience = "Three projects." })).JsonAsync()).GetProperty("status").GetString().ShouldBe("SUBMITTED");
        app.Clock.Set(2024, 6, 1, 0, 0, 0);
        await (await late.ApplyAsync(form with { ResearchExperience = "Four projects." })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.window_closed");
        await (await late.ApplyAsync(form, draft: true)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.window_closed");
        var mine = await (await late.GetAsync("/api/advanced-fellowship/me/application")).JsonAsync();
        mine.GetProperty("form").GetProperty("researchExperience").GetString().ShouldBe("Three projects.");
    }

    [Fact]
    public async Task A_draft_may_be_incomplete_then_is_submitted_edited_and_shown_with_its_timeline_FEL_16_FEL_27()
    {
        app.Clock.Set(2024, 5, 12);
        var (_, client) = await RegisterAsync(app);
        var draft = Physician(8) with { Education = null, ResearchExperience = null };
        var saved = await (await client.ApplyAsync(draft, draft: true)).JsonAsync();
        saved.GetProperty("status").GetString().ShouldBe("DRAFT");
        var id = saved.GetProperty("applicationId").GetGuid();

        var refused = await (await client.ApplyAsync(draft)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "application.form_incomplete");
        refused.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ShouldBe(["education", "researchExperience"]);

        var form = Physician(8);
        var missing = await (await client.ApplyAsync(form)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.documents_missing");
        missing.GetProperty("missing").GetArrayLength().ShouldBe(RequiredFor(form).Count);
        await client.UploadAsync(RequiredFor(form));
        var submitted = await (await client.ApplyAsync(form)).JsonAsync();
        submitted.GetProperty("applicationId").GetGuid().ShouldBe(id);
        submitted.GetProperty("status").GetString().ShouldBe("SUBMITTED");
        // unchanged: nothing new; changed: an edit
        await (await client.ApplyAsync(form)).ShouldBeSuccessAsync();
        await (await client.ApplyAsync(form with { ResearchExperience = "Also a provincial project." })).ShouldBeSuccessAsync();

        var mine = await (await client.GetAsync("/api/advanced-fellowship/me/application")).JsonAsync();
        mine.GetProperty("status").GetString().ShouldBe("SUBMITTED");
        mine.GetProperty("noticeGroup").GetString().ShouldBe("612440590");
        mine.GetProperty("choice").GetProperty("departmentCode").GetString().ShouldBe("ENDO");
        mine.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString())
            .ShouldBe(["application-drafted", "application-submitted", "application-edited"]);
        mine.GetProperty("timeline")[0].GetProperty("actor").GetString()!.ShouldStartWith("applicant:");

        using var admin = await app.SignedInAsync(Admin);
        await (await admin.ReviewAsync(id, new { decision = "START_REVIEW" })).ShouldBeSuccessAsync();
        await (await client.ApplyAsync(form with { ResearchExperience = "late change" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.invalid_status");
        await client.UploadAsync([]);
        using var pdf = new ByteArrayContent(Pdf);
        await (await client.PutAsync("/api/advanced-fellowship/me/documents/DIPLOMA", pdf)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "document.frozen");
    }

    [Fact]
    public async Task Refused_applications_store_nothing_FEL_04_FEL_08_FEL_09_FEL_13()
    {
        app.Clock.Set(2024, 5, 20);
        var (_, client) = await RegisterAsync(app);
        await client.UploadAsync(Enum.GetValues<DocumentKind>());
        await (await client.ApplyAsync(Physician(1) with { PostType = PostType.TECHNICIAN })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.post_type_not_offered");
        await (await client.ApplyAsync(Physician(1) with { PositionNo = 99 })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "application.unknown_position");
        await (await client.ApplyAsync(Physician(7) with { Certificates = Physician(7).Certificates! with { PracticeScope = PracticeScope.SURGERY } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "eligibility.practice_scope_mismatch");
        await (await client.ApplyAsync(Physician(7) with { Certificates = Physician(7).Certificates! with { PracticeLocation = "南宁市第一人民医院" } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "eligibility.practice_location_mismatch");
        await (await client.ApplyAsync(Physician(12) with { SpecialtyWorkStart = new DateOnly(2022, 5, 1) }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "eligibility.medtech_work_years");
        await (await client.ApplyAsync(Physician(12, months: 13))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "eligibility.medtech_duration_exceeded");
        await (await client.ApplyAsync(Physician(2) with { SendingUnit = Physician(2).SendingUnit! with { DivisionCode = "430100" } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "eligibility.sending_unit_outside_guangxi");
        await (await client.ApplyAsync(Physician(2) with { SendingUnit = Physician(2).SendingUnit! with { Phone = "2836275" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "application.invalid_phone");
        (await client.PutAsJsonAsync("/api/advanced-fellowship/me/application", new { year = 2024, form = new { postType = "NURSE" } }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await (await client.GetAsync("/api/advanced-fellowship/me/application")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "application.not_found");
    }

    [Fact]
    public async Task A_withdrawn_applicant_may_apply_again_while_the_window_is_open()
    {
        app.Clock.Set(2024, 5, 20);
        var (id, client, _) = await SubmittedAsync(app, Physician(3));
        (await (await client.DeleteAsync("/api/advanced-fellowship/me/application?reason=changed%20plans")).JsonAsync())
            .GetProperty("status").GetString().ShouldBe("WITHDRAWN");
        await (await client.DeleteAsync("/api/advanced-fellowship/me/application")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.invalid_status");
        var again = await (await client.ApplyAsync(Physician(3))).JsonAsync();
        again.GetProperty("applicationId").GetGuid().ShouldBe(id);
        again.GetProperty("status").GetString().ShouldBe("SUBMITTED");
    }
}
