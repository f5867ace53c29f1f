using static Recruitment.AdvancedFellowship.Tests.Fellows;

namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>The admission notice, the printed forms and reporting (FEL-03, FEL-14, FEL-15, FORM-08, FORM-09).</summary>
[Collection(FellowshipCollection.Name)]
public sealed class AdmissionTests(FellowshipApp app)
{
    [Fact]
    public async Task A_notice_is_issued_to_a_proposed_applicant_before_the_deadline_and_printed_for_them_FEL_03_FORM_09()
    {
        var cycle = await Cycles.CreateAsync(app);
        var (id, client, _) = await SubmittedAsync(app, Physician(5, Cycles.Day(cycle.Id, 5, 15)), cycle.Id, cycle);
        var (other, otherClient, _) = await SubmittedAsync(app, Physician(4, Cycles.Day(cycle.Id, 5, 15)), cycle.Id, cycle);
        using var admin = await app.SignedInAsync(Admin);
        var notice = $"{Api}/applications/{id}/notice";
        await (await admin.PostJsonAsync(notice, new { })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.invalid_status");
        await (await client.GetAsync(notice)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "notice.not_issued");
        await admin.ProposeAsync(id);
        await admin.ProposeAsync(other);

        app.Clock.Set(cycle.Id, 6, 11, 0, 0, 0);
        using (var late = await app.SignedInAsync(Admin))
            await (await late.PostJsonAsync($"{Api}/applications/{other}/notice", new { })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "notice.deadline_passed");

        app.Clock.Set(cycle.Id, 6, 10, 23, 0, 0);
        using var intime = await app.SignedInAsync(Admin);
        await (await intime.PostJsonAsync(notice, new { reportingDate = Cycles.Day(cycle.Id, 6, 10) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "notice.invalid_reporting_date");
        (await (await intime.PostJsonAsync(notice, new { })).JsonAsync()).GetProperty("status").GetString().ShouldBe("NOTICE_ISSUED");

        using var applicant = await app.SignedInAsync((await (await intime.GetAsync($"{Api}/applications/{id}")).JsonAsync()).GetProperty("documentNumber").GetString()!, Password);
        var json = await (await applicant.GetAsync(notice + "?format=json")).JsonAsync();
        json.GetProperty("noticeNumber").GetString().ShouldBe($"GLYY-FEL-{cycle.Id}-0501");
        json.GetProperty("reportingDate").GetString().ShouldBe($"{cycle.Id}-07-01");
        json.GetProperty("department").GetString().ShouldBe("Critical Care Medicine");
        json.GetProperty("documentsToBring").GetArrayLength().ShouldBe(7);
        var html = await applicant.GetAsync(notice);
        html.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await html.Content.ReadAsStringAsync();
        page.ShouldContain("进修录取通知书");
        page.ShouldContain("凤北路8号");
        page.ShouldContain($"GLYY-FEL-{cycle.Id}-0501");
        var form = await (await applicant.GetAsync($"{Api}/applications/{id}/form")).Content.ReadAsStringAsync();
        form.ShouldContain("申请表");
        form.ShouldContain(Unit);

        using var otherApplicant = await app.SignedInAsync((await (await intime.GetAsync($"{Api}/applications/{other}")).JsonAsync()).GetProperty("documentNumber").GetString()!, Password);
        await (await otherApplicant.GetAsync(notice)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "application.forbidden");
        otherClient.Dispose();
        client.Dispose();

        // the date on the person's notice prevails; changing it needs a reason
        await (await intime.PostJsonAsync(notice, new { reportingDate = Cycles.Day(cycle.Id, 7, 8) })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "notice.reason_required");
        await (await intime.PostJsonAsync(notice, new { reportingDate = Cycles.Day(cycle.Id, 7, 8), reason = "department moving wards" })).ShouldBeSuccessAsync();
        (await (await applicant.GetAsync(notice + "?format=json")).JsonAsync()).GetProperty("reportingDate").GetString().ShouldBe($"{cycle.Id}-07-08");
    }

    [Fact]
    public async Task Reporting_is_refused_until_every_material_is_received_and_sealed_and_before_the_reporting_date_FEL_15()
    {
        var cycle = await Cycles.CreateAsync(app);
        var (id, _, idNumber) = await SubmittedAsync(app, Physician(1, Cycles.Day(cycle.Id, 5, 15)), cycle.Id, cycle);
        using var admin = await app.SignedInAsync(Admin);
        await admin.ProposeAsync(id);
        await (await admin.PostJsonAsync($"{Api}/applications/{id}/notice", new { })).ShouldBeSuccessAsync();
        var documents = $"{Api}/applications/{id}/reporting-documents";
        await (await admin.PutJsonAsync(documents, new { items = new[] { new { code = "DIPLOMA", received = true, @sealed = true } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reporting.unknown_item");
        var ticked = await (await admin.PutJsonAsync(documents, new
        {
            items = ReportingChecklist.For(PostType.PHYSICIAN).Select(i => new { code = i.Code, received = true, @sealed = i.Code != "DIPLOMA_COPY" }),
        })).JsonAsync();
        ticked.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ShouldBe(["DIPLOMA_COPY"]);

        app.Clock.Set(cycle.Id, 6, 30, 12, 0, 0);
        using var early = await app.SignedInAsync(idNumber, Password);
        await (await early.PostJsonAsync($"{Api}/applications/{id}/reporting", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reporting.before_reporting_date");

        app.Clock.Set(cycle.Id, 7, 1, 8, 30, 0);
        using var desk = await app.SignedInAsync(Admin);
        using var applicant = await app.SignedInAsync(idNumber, Password);
        var refused = await (await applicant.PostJsonAsync($"{Api}/applications/{id}/reporting", new { }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "reporting.documents_incomplete");
        refused.GetProperty("missing")[0].GetString().ShouldBe("DIPLOMA_COPY");
        await (await desk.GetAsync($"{Api}/fellows/{id}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "fellow.not_found");

        await (await desk.PutJsonAsync(documents, new { items = new[] { new { code = "DIPLOMA_COPY", received = true, @sealed = true } } })).ShouldBeSuccessAsync();
        (await (await applicant.PostJsonAsync($"{Api}/applications/{id}/reporting", new { })).JsonAsync()).GetProperty("status").GetString().ShouldBe("REPORTED");
        var fellow = await (await applicant.GetAsync($"{Api}/fellows/{id}")).JsonAsync();
        fellow.GetProperty("training").GetProperty("reportedOn").GetString().ShouldBe($"{cycle.Id}-07-01");
        // FEL-26: the sending unit pays salary and costs; the system records it as payer and computes no pay.
        fellow.GetProperty("training").GetProperty("paidBy").GetString().ShouldBe(Fellows.Unit);
        var timeline = fellow.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        timeline.ShouldBe(["application-submitted", "review-started", "application-proposed", "notice-issued", "reporting-documents-ticked",
            "reporting-documents-ticked", "fellow-reported"]);
        await (await applicant.DeleteAsync($"{Api}/me/application?year={cycle.Id}")).ShouldBeProblemAsync(HttpStatusCode.Conflict, "application.invalid_status");
    }
}
