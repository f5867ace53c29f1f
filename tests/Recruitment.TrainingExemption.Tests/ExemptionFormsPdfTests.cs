using System.Net;
using System.Net.Http.Json;
using Recruitment.Enrollment.Contracts;
using Recruitment.Testing;
using Shouldly;
using Wolverine;
using static Recruitment.Testing.PdfRoutes;

namespace Recruitment.TrainingExemption.Tests;

/// <summary>
/// The exemption application form (FORM-05) the requester downloads pre-filled for the specialty applied for (EXM-04), and the
/// exemption approval form (FORM-06) with the approved training time and the make-up content (EXM-05), as PDFs read back.
/// </summary>
[Collection(TrainingExemptionCollection.Name)]
public sealed class ExemptionFormsPdfTests(RecruitmentApp app)
{
    private const string Password = "Applicant-2024";
    private const string Form05 = "/api/training-exemption/me/application-form.pdf";

    [Fact]
    public async Task FORM_05_is_prefilled_for_the_applied_specialty_before_on_site_confirmation_and_with_the_keyed_form_after_it_EXM_04()
    {
        var (applicant, applicantId, applicationId, idNumber) = await ApplyAsync("PED");

        var blank = await PdfAsync(applicant, Form05);
        blank.Compact.ShouldContain("2024年住院医师规范化培训年限减免申请表");
        foreach (var text in new[] { "韩梅梅", idNumber, "吉林大学第一医院", "儿科", "申请培训专业", "临床医学硕士专业学位", "□临床医学博士学位", "申请人签字" })
            blank.Compact.ShouldContain(text.Normalize(System.Text.NormalizationForm.FormKC)); // the reader folds full-width punctuation (NFKC)
        blank.Compact.ShouldNotContain("■", customMessage: "no basis is ticked before the requester fills the form in");
        blank.QrTexts.ShouldHaveSingleItem().ShouldStartWith("http://localhost/verify/");

        // After on-site confirmation ends no request can be made any more (EXM-04): no blank form either.
        app.Clock.Set(2024, 7, 6, 10);
        using (var late = await app.SignedInAsync(idNumber, Password))
            await NoPdfAsync(await late.GetAsync(Form05), HttpStatusCode.UnprocessableEntity, "exemption.request_too_late");

        // Base staff keyed the form in at on-site confirmation (Enrollment sent the request): it is printed as keyed.
        await app.Service<IMessageBus>().InvokeAsync(new ExemptionRequested(applicationId, applicantId, 2024, "B01", "PED", null, "韩梅梅",
            new HighestEducation("MASTER", "PROFESSIONAL", "Clinical Medicine", "CN", false), true,
            new ExemptionForm(ExemptionBasis.PROFESSIONAL_MASTER_CLINICAL, "临床医学", "儿科", "吉林大学", "中国", null, 12),
            new DateTimeOffset(2024, 7, 2, 10, 0, 0, TimeSpan.FromHours(8))));
        using var signedIn = await app.SignedInAsync(idNumber, Password);
        var keyed = await PdfAsync(signedIn, Form05);
        foreach (var text in new[] { "韩梅梅", "儿科", "■临床医学硕士专业学位", "吉林大学", "12个月" })
            keyed.Compact.ShouldContain(text.Normalize(System.Text.NormalizationForm.FormKC)); // the reader folds full-width punctuation (NFKC)
        keyed.QrTexts.ShouldHaveSingleItem();

        using var b01 = await app.SignedInAsync("t-b01");
        await NoPdfAsync(await b01.GetAsync(Form05), HttpStatusCode.Forbidden);
        using var anonymous = app.Anonymous();
        await NoPdfAsync(await anonymous.GetAsync(Form05), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task FORM_05_needs_a_residency_application()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var idNumber = TestIds.NewResidentId();
        using (var anonymous = app.Anonymous())
            (await anonymous.PostAsJsonAsync("/api/enrollment/accounts",
                new { documentNumber = idNumber, password = Password, name = "没报名", mobile = "13812340000" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        using var applicant = await app.SignedInAsync(idNumber, Password);
        await NoPdfAsync(await applicant.GetAsync(Form05), HttpStatusCode.NotFound, "exemption.no_application");
    }

    [Fact]
    public async Task FORM_06_states_the_approved_training_time_and_the_make_up_content_for_the_base_and_the_center_only()
    {
        app.Clock.Set(2024, 7, 10);
        var id = Guid.NewGuid();
        await app.Service<IMessageBus>().InvokeAsync(new ExemptionRequested(id, null, 2024, "B01", "GP", null, "李减免",
            new HighestEducation("MASTER", "PROFESSIONAL", "Clinical Medicine", "CN", false), true,
            new ExemptionForm(ExemptionBasis.PROFESSIONAL_MASTER_CLINICAL, "Clinical Medicine", "General Practice", "Jilin University", "CN", null, 12),
            new DateTimeOffset(2024, 7, 2, 10, 0, 0, TimeSpan.FromHours(8))));
        var route = $"/api/training-exemption/requests/{id}/approval-form.pdf";
        using var b01 = await app.SignedInAsync("t-b01");
        using var center = await app.SignedInAsync("t-center");
        await NoPdfAsync(await b01.GetAsync(route), HttpStatusCode.NotFound, "exemption.base_form_missing");

        await (await b01.PutAsJsonAsync($"/api/training-exemption/requests/{id}/base-form",
            new { proposedMonths = 24, makeUpItems = new[] { new { specialty = "GP", months = 18 }, new { specialty = "PED", months = 6 } } })).ShouldBeSuccessAsync();
        var proposed = await PdfAsync(b01, route);
        foreach (var text in new[] { "2024年住院医师规范化培训年限减免审批表", "李减免", "吉林大学第一医院", "全科", "建议培训时间24个月", "儿科", "待指导中心认定" })
            proposed.Compact.ShouldContain(text.Normalize(System.Text.NormalizationForm.FormKC)); // the reader folds full-width punctuation (NFKC)

        await (await center.PostAsJsonAsync($"/api/training-exemption/requests/{id}/assessment", new { result = "PASS", score = 86.5 })).ShouldBeSuccessAsync();
        await (await center.PostAsJsonAsync($"/api/training-exemption/requests/{id}/determination",
            new { decision = "APPROVE", approvedMonths = 24, makeUpItems = new[] { new { specialty = "GP", months = 20 }, new { specialty = "EM", months = 4 } } }))
            .ShouldBeSuccessAsync();
        var decided = await PdfAsync(center, route);
        foreach (var text in new[] { "李减免", "同意减免，核定培训时间24个月", "核定培训时间24个月", "急诊科", "4个月", "20个月", "通过", "86.5", "临床医学硕士专业学位" })
            decided.Compact.ShouldContain(text.Normalize(System.Text.NormalizationForm.FormKC)); // the reader folds full-width punctuation (NFKC)
        var url = decided.QrTexts.ShouldHaveSingleItem();
        using var anonymous = app.Anonymous();
        var verification = await (await anonymous.GetAsync($"/api/publications/verifications/{url[(url.LastIndexOf('/') + 1)..]}")).JsonAsync();
        verification.GetProperty("genuine").GetBoolean().ShouldBeTrue();
        verification.GetProperty("holderName").GetString().ShouldBe("李减免");

        using var b02 = await app.SignedInAsync("t-b02");
        await NoPdfAsync(await b02.GetAsync(route), HttpStatusCode.Forbidden, "base.forbidden");
        using var phc = await app.SignedInAsync("t-phc");
        await NoPdfAsync(await phc.GetAsync(route), HttpStatusCode.Forbidden);
        await NoPdfAsync(await anonymous.GetAsync(route), HttpStatusCode.Unauthorized);
        await NoPdfAsync(await center.GetAsync($"/api/training-exemption/requests/{Guid.NewGuid()}/approval-form.pdf"), HttpStatusCode.NotFound,
            "exemption.not_found");
    }

    /// <summary>A fresh applicant with a submitted residency application to B01 inside the 2024 registration window, through HTTP.</summary>
    private async Task<(HttpClient Applicant, Guid ApplicantId, Guid ApplicationId, string IdNumber)> ApplyAsync(string specialty)
    {
        app.Clock.Set(2024, 6, 20, 10);
        var idNumber = TestIds.NewResidentId();
        using (var anonymous = app.Anonymous())
            (await anonymous.PostAsJsonAsync("/api/enrollment/accounts",
                new { documentNumber = idNumber, password = Password, name = "韩梅梅", mobile = "13812349999" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var applicant = await app.SignedInAsync(idNumber, Password);
        await (await applicant.PutAsJsonAsync("/api/enrollment/me/profile", new
        {
            basic = new { gender = "FEMALE", birthDate = "1996-03-02", ethnicity = "Han", email = "hmm@example.cn", address = "Changchun, Jilin" },
            certificates = Array.Empty<object>(),
            education = new[]
            {
                new { level = "MASTER", mode = "FULL_TIME", degreeType = "PROFESSIONAL", school = "Jilin University", major = "Clinical Medicine",
                    start = "2021-09-01", end = "2024-06-30", diplomaCertNumber = "D-1", degreeCertNumber = "G-1" },
            },
        })).ShouldBeSuccessAsync();
        using (var photo = new ByteArrayContent(TestImages.PadJpeg(TestImages.Jpeg(), 200_000)))
        {
            photo.Headers.ContentType = new("image/jpeg");
            await (await applicant.PutAsync("/api/enrollment/me/photo", photo)).ShouldBeSuccessAsync();
        }
        var applied = await applicant.PutAsJsonAsync("/api/enrollment/me/application", TestApplications.Independent("B01", specialty, requestsExemption: true));
        await applied.ShouldBeSuccessAsync();
        var applicationId = (await applied.JsonAsync()).GetProperty("applicationId").GetGuid();
        var applicantId = Guid.Parse((await (await applicant.GetAsync("/api/auth/whoami")).JsonAsync()).GetProperty("subject").GetString()!);
        return (applicant, applicantId, applicationId, idNumber);
    }
}
