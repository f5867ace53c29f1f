using static Recruitment.Enrollment.Tests.Applicants;

namespace Recruitment.Enrollment.Tests;

/// <summary>Qualification review by the applied base (ENR-30, ENR-31, ENR-22) and its deadline.</summary>
[Collection(EnrollmentCollection.Name)]
public sealed class ReviewTests(RecruitmentApp app)
{
    private static string Review(Guid id) => $"/api/enrollment/applications/{id}/review";

    [Fact]
    public async Task A_base_admin_lists_their_own_base_with_filters_and_paging_but_never_another_bases_ENR_30()
    {
        app.Clock.Set(2024, 6, 20);
        var (mine, _, _) = await SubmittedAsync(app, Independent("B02", "PED"));
        await SubmittedAsync(app, Independent("B02", "PED"));
        using var b02 = await app.SignedInAsync("t-b02");
        var page = await (await b02.GetAsync("/api/enrollment/bases/B02/applications?specialty=PED&status=PENDING_REVIEW&page=1&pageSize=1")).JsonAsync();
        page.GetProperty("pageSize").GetInt32().ShouldBe(1);
        page.GetProperty("items").GetArrayLength().ShouldBe(1);
        page.GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(2);

        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.GetAsync("/api/enrollment/bases/B02/applications")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        await (await b01.GetAsync($"/api/enrollment/applications/{mine}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        await (await b01.PostAsJsonAsync(Review(mine), new { decision = "APPROVE", identityVerified = true }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        await (await b02.GetAsync("/api/enrollment/bases/B02/applications?pageSize=500")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_paging");
        await (await b02.GetAsync("/api/enrollment/bases/B02/applications?status=MAYBE")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_filter");

        (await (await b02.GetAsync($"/api/enrollment/applications/{mine}/photo")).Content.ReadAsByteArrayAsync()).Length.ShouldBeGreaterThan(0);
        await (await b01.GetAsync($"/api/enrollment/applications/{mine}/photo")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");

        using var center = await app.SignedInAsync("t-center");
        var detail = await (await center.GetAsync($"/api/enrollment/applications/{mine}")).JsonAsync();
        detail.GetProperty("application").GetProperty("status").GetString().ShouldBe("PENDING_REVIEW");
    }

    [Fact]
    public async Task The_work_queue_counts_each_status_and_finds_by_name_or_the_end_of_the_ID_number_ENR_30()
    {
        app.Clock.Set(2024, 6, 20);
        var (mine, _, idNumber) = await SubmittedAsync(app, Independent("B02", "PED"));
        using var b02 = await app.SignedInAsync("t-b02");
        var counts = await (await b02.GetAsync("/api/enrollment/bases/B02/applications/counts?year=2024")).JsonAsync();
        counts.GetProperty("counts").GetProperty("PENDING_REVIEW").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        counts.GetProperty("total").GetInt32().ShouldBe(counts.GetProperty("counts").EnumerateObject().Sum(c => c.Value.GetInt32()));

        var byId = await (await b02.GetAsync($"/api/enrollment/bases/B02/applications?year=2024&q={idNumber[^8..]}")).JsonAsync();
        var row = byId.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("id").GetGuid().ShouldBe(mine);
        row.GetProperty("maskedDocumentNumber").GetString().ShouldBe(idNumber[..6] + "********" + idNumber[^4..]);
        var byName = await (await b02.GetAsync($"/api/enrollment/bases/B02/applications?year=2024&q={Uri.EscapeDataString("李")}&pageSize=100")).JsonAsync();
        byName.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ShouldContain(mine);
        var flagged = await (await b02.GetAsync("/api/enrollment/bases/B02/applications?flag=DEGREE_CERT_MISSING&pageSize=100")).JsonAsync();
        flagged.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("flags").EnumerateArray().Any(f => f.GetString() == "DEGREE_CERT_MISSING"));

        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.GetAsync("/api/enrollment/bases/B02/applications/counts")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
    }

    /// <summary>ENR-14: submitted is PENDING_REVIEW, successful only once APPROVED, both seen by the status query; ENR-34: who did each step.</summary>
    [Fact]
    public async Task An_independent_applicant_is_approved_only_with_the_identity_tick_ENR_22()
    {
        app.Clock.Set(2024, 6, 20);
        var (id, client, _) = await SubmittedAsync(app);
        (await (await client.GetAsync("/api/enrollment/me/application")).JsonAsync()).GetProperty("status").GetString().ShouldBe("PENDING_REVIEW");
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync(Review(id), new { decision = "APPROVE" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "review.identity_not_verified");
        (await (await b01.PostAsJsonAsync(Review(id), new { decision = "APPROVE", identityVerified = true })).JsonAsync())
            .GetProperty("status").GetString().ShouldBe("APPROVED");

        var mine = await (await client.GetAsync("/api/enrollment/me/application")).JsonAsync();
        mine.GetProperty("status").GetString().ShouldBe("APPROVED");
        var timeline = mine.GetProperty("timeline").EnumerateArray().ToList();
        timeline.Select(e => e.GetProperty("event").GetString()).ShouldBe(["application-submitted", "identity-verified", "application-approved"]);
        timeline[^1].GetProperty("actor").GetString()!.ShouldStartWith("base-admin:");
    }

    [Fact]
    public async Task A_rejection_needs_a_reason_and_the_applicant_may_fix_and_resubmit_before_close_ENR_31()
    {
        app.Clock.Set(2024, 6, 20);
        var (id, client, _) = await SubmittedAsync(app);
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync(Review(id), new { decision = "REJECT" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "review.reason_required");
        await (await b01.PostAsJsonAsync(Review(id), new { decision = "REJECT", reason = "diploma number does not match" })).ShouldBeSuccessAsync();
        await (await b01.PostAsJsonAsync(Review(id), new { decision = "APPROVE", identityVerified = true }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.invalid_status");

        var fixedProfile = Profile([Bachelor() with { DiplomaCertNumber = "DIP-9999" }]);
        await client.PutProfileAsync(fixedProfile);
        (await (await client.ApplyAsync(Independent())).JsonAsync()).GetProperty("status").GetString().ShouldBe("PENDING_REVIEW");
    }

    [Fact]
    public async Task A_free_student_is_approved_only_with_the_FORM_07_record_ENR_30()
    {
        app.Clock.Set(2024, 6, 20);
        var free = new FreeStudent(EducationLevel.BACHELOR, "Nong'an County Hospital", "Nong'an", false);
        var (id, _, idNumber) = await SubmittedAsync(app, Sponsored(), Profile(freeStudent: free));
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync(Review(id), new { decision = "APPROVE" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "review.free_student_record_required");
        var record = new { name = "李四", idNumber, directedCounty = "Nong'an", agreementChecked = true };
        await (await b01.PostAsJsonAsync(Review(id), new { decision = "APPROVE", freeStudentRecord = record })).ShouldBeSuccessAsync();
        var detail = await (await b01.GetAsync($"/api/enrollment/applications/{id}")).JsonAsync();
        detail.GetProperty("freeStudentRecord").GetProperty("directedCounty").GetString().ShouldBe("Nong'an");
    }

    [Fact]
    public async Task Reviews_after_the_deadline_are_refused_and_pending_applications_become_NOT_REVIEWED_ENR_31()
    {
        app.Clock.Set(2024, 6, 20);
        var (pending, client, idNumber) = await SubmittedAsync(app);

        // The deadline is a durable scheduled message stored when the cycle was published.
        var scheduled = await app.Database.ScalarAsync<long>(
            "select count(*) from wolverine.wolverine_incoming_envelopes where message_type like '%CloseStage%' and status = 'Scheduled'");
        scheduled.ShouldBeGreaterThanOrEqualTo(2);

        app.Clock.Set(2024, 7, 4, 23, 59, 59);
        await app.Service<IMessageBus>().InvokeAsync(new CloseStage(2024, Stage.QualificationReview));
        using (var early = await app.SignedInAsync(idNumber, Password))
            (await (await early.GetAsync("/api/enrollment/me/application")).JsonAsync()).GetProperty("status").GetString().ShouldBe("PENDING_REVIEW");

        app.Clock.Set(2024, 7, 5, 0, 0, 0);
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync(Review(pending), new { decision = "APPROVE", identityVerified = true }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "review.deadline_passed");
        await app.Service<IMessageBus>().InvokeAsync(new CloseStage(2024, Stage.QualificationReview));
        using var applicant = await app.SignedInAsync(idNumber, Password);
        var mine = await (await applicant.GetAsync("/api/enrollment/me/application")).JsonAsync();
        mine.GetProperty("status").GetString().ShouldBe("NOT_REVIEWED");
        mine.GetProperty("timeline").EnumerateArray().Last().GetProperty("actor").GetString().ShouldBe("system:deadline");
    }
}
