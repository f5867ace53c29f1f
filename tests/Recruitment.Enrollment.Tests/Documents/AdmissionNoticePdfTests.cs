using System.Text.Json;
using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests.Documents;

/// <summary>The admission notice as a PDF (ENR-59): its text, its verification code, its QR code, and who may print it.</summary>
[Collection(OnsiteCollection.Name)]
public sealed class AdmissionNoticePdfTests(RecruitmentApp app)
{
    [Fact]
    public async Task An_admitted_trainees_notice_names_them_their_base_and_specialty_and_its_QR_code_verifies_it()
    {
        var year = await NewCycleAsync(app);
        var (applicationId, idNumber, applicant) = await AdmittedAsync(app, year, "B01", "OBG", "王晓明");

        var response = await applicant.GetAsync($"/api/enrollment/applications/{applicationId}/notice.pdf");
        await response.ShouldBeSuccessAsync();
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        // The README's rendered page is made from this file (docs/documents.md says how).
        if (Environment.GetEnvironmentVariable("RECRUITMENT_SAMPLE_DOCUMENTS") is { Length: > 0 } folder)
            await File.WriteAllBytesAsync(Path.Combine(folder, "admission-notice.pdf"), bytes);
        var pdf = PrintedPdf.Read(bytes);

        pdf.Compact.ShouldContain("王晓明");
        pdf.Compact.ShouldContain("吉林大学第一医院");
        pdf.Compact.ShouldContain("妇产科");
        pdf.Compact.ShouldContain("录取通知书");
        pdf.Compact.ShouldNotContain(idNumber, customMessage: "the notice carries no ID number");
        var url = pdf.QrTexts.ShouldHaveSingleItem();
        url.ShouldStartWith("http://localhost/verify/");
        pdf.Links.ShouldContain(url);
        var code = url["http://localhost/verify/".Length..];
        pdf.Text.ShouldContain(code);

        using var anonymous = app.Anonymous();
        var page = await anonymous.GetAsync(new Uri(url).PathAndQuery);
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        html.ShouldContain("Genuine");
        html.ShouldContain("王晓明");
        html.ShouldNotContain(idNumber);
        var json = await (await anonymous.GetAsync($"/api/publications/verifications/{code.ToLowerInvariant()}")).JsonAsync();
        json.GetProperty("genuine").GetBoolean().ShouldBeTrue();
        json.GetProperty("holderName").GetString().ShouldBe("王晓明");

        // A reprint (by the base this time) keeps the code of the first print.
        using var b01 = await app.SignedInAsync("t-b01");
        var reprint = PrintedPdf.Read(await (await b01.GetAsync($"/api/enrollment/applications/{applicationId}/notice.pdf")).Content.ReadAsByteArrayAsync());
        reprint.QrTexts.ShouldHaveSingleItem().ShouldBe(url);
    }

    [Fact]
    public async Task An_unknown_code_is_not_genuine_and_other_bases_and_applicants_cannot_print()
    {
        using var anonymous = app.Anonymous();
        var page = await anonymous.GetAsync("/verify/ABCD-EFGH-JKMN");
        page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await page.Content.ReadAsStringAsync()).ShouldContain("Not genuine");
        await (await anonymous.GetAsync("/api/publications/verifications/not-a-code")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "document.not_found");

        var year = await NewCycleAsync(app);
        var (applicationId, _, _) = await AdmittedAsync(app, year, "B01", "GP", "赵六");
        using var b02 = await app.SignedInAsync("t-b02");
        (await b02.GetAsync($"/api/enrollment/applications/{applicationId}/notice.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var (_, stranger) = await Applicants.RegisterAsync(app, withPhoto: false);
        (await stranger.GetAsync($"/api/enrollment/applications/{applicationId}/notice.pdf")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync($"/api/enrollment/applications/{applicationId}/notice.pdf")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var examined = await ExaminedAsync(app, year, "B01", "GP", 80);
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.GetAsync($"/api/enrollment/applications/{examined}/notice.pdf")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "notice.not_available");
    }

    [Fact]
    public async Task A_declined_or_revoked_admission_withdraws_its_notice_and_it_cannot_be_reprinted_ENR_65_ENR_67()
    {
        var year = await NewCycleAsync(app);
        var (declining, _, declinant) = await AdmittedAsync(app, year, "B01", "GP", "钱七");
        var (revoked, _, revokee) = await AdmittedAsync(app, year, "B01", "GP", "孙八");
        var declinedCode = await CodeAsync(declinant, declining);
        var revokedCode = await CodeAsync(revokee, revoked);
        using var anonymous = app.Anonymous();
        (await StatusAsync(anonymous, declinedCode)).ShouldBe("VALID");

        await (await declinant.PostAsJsonAsync("/api/enrollment/applications/me/decline", new { reason = "a post in my home province" }))
            .ShouldBeSuccessAsync();
        using (var phc = await app.SignedInAsync("t-phc"))
            await (await phc.PostAsJsonAsync($"/api/enrollment/applications/{revoked}/revocation", new { reason = "forged diploma (verified)" }))
                .ShouldBeSuccessAsync();

        // The withdrawal reaches Publications as a cascaded message, after the departure's transaction.
        await HttpAssertions.EventuallyAsync(async () => await StatusAsync(anonymous, declinedCode) == "WITHDRAWN"
                                                         && await StatusAsync(anonymous, revokedCode) == "WITHDRAWN",
            "both notices to be withdrawn");
        var json = await (await anonymous.GetAsync($"/api/publications/verifications/{declinedCode}")).JsonAsync();
        json.GetProperty("genuine").GetBoolean().ShouldBeFalse();
        json.GetProperty("withdrawnAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await (await anonymous.GetAsync($"/verify/{revokedCode}")).Content.ReadAsStringAsync()).ShouldContain("Withdrawn");
        // A reprint would register the code afresh (and clear the withdrawal): there is none after a departure.
        await (await declinant.GetAsync($"/api/enrollment/applications/{declining}/notice.pdf"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "notice.not_available");
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.GetAsync($"/api/enrollment/applications/{revoked}/notice.pdf")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "notice.not_available");
    }

    private static async Task<string> CodeAsync(HttpClient client, Guid applicationId)
    {
        var pdf = PrintedPdf.Read(await (await client.GetAsync($"/api/enrollment/applications/{applicationId}/notice.pdf")).Content.ReadAsByteArrayAsync());
        return pdf.QrTexts.ShouldHaveSingleItem()["http://localhost/verify/".Length..];
    }

    private static async Task<string?> StatusAsync(HttpClient anonymous, string code) =>
        (await (await anonymous.GetAsync($"/api/publications/verifications/{code}")).JsonAsync()).GetProperty("status").GetString();

    /// <summary>A registered applicant whose application went all the way to ADMITTED (the earlier stages' events appended).</summary>
    internal static async Task<(Guid ApplicationId, string IdNumber, HttpClient Client)> AdmittedAsync(RecruitmentApp app, int year,
        string baseCode, string specialty, string name)
    {
        var (idNumber, client) = await Applicants.RegisterAsync(app, withPhoto: false);
        var me = await (await client.GetAsync("/api/auth/whoami")).JsonAsync();
        var applicantId = Guid.Parse(me.GetProperty("subject").GetString()!);
        var id = await ExaminedAsync(app, year, baseCode, specialty, 85, applicantId: applicantId, name: name);
        var at = new DateTimeOffset(2024, 8, 21, 9, 0, 0, TimeSpan.FromHours(8));
        await using var session = app.Service<IEnrollmentStore>().LightweightSession();
        session.Events.Append(id,
            new ProposalMade(new Proposal($"{year}:{baseCode}:{specialty}", baseCode, specialty, null, 36, PsychTest.PASS, HealthCheck.PASS, null, null, null), "seed", at.AddDays(-10)),
            new CenterReviewed("seed", at.AddDays(-5)), new PhcRechecked("seed", at.AddDays(-4)),
            new PublicityStarted(Guid.NewGuid(), at, "seed", at.AddDays(-3)), new Admitted("seed", at));
        await session.SaveChangesAsync();
        return (id, idNumber, client);
    }
}
