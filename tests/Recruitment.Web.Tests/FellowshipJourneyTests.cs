using System.Text.Json;
using static Recruitment.Web.Tests.Steps;

namespace Recruitment.Web.Tests;

/// <summary>
/// The fellowship portal and the Sci &amp; Ed office (issue 19) in Chromium against the real host, on the shipped 2024
/// cycle. The applicant registers, fills FORM-08, saves a draft, uploads, is refused once by a HARD rule (FEL-13: the
/// practice location is not the sending unit) with the rule shown, fixes it and submits with a SOFT flag shown as a
/// note. The office proposes to row 1's quota of two; a second office tab proposing for the last place at the same
/// time is refused in the page (FEL-10). Then the notice, the reporting materials and the arrival, a mentor, an
/// evaluation and the two-site rotation, the final assessment and the certificate, which the fellow downloads as a
/// PDF whose QR code verifies. Every step is read back through the API.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FellowshipJourneyTests(BrowserApp app)
{
    private const string Api = "/api/advanced-fellowship";
    private const string Office = "t-fellowship";
    private const string Unit = "桂林市临桂区人民医院";
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray();
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task An_applicant_is_refused_once_fixes_it_and_the_office_takes_the_fellow_to_a_certificate_that_verifies()
    {
        app.Clock.Set(2024, 5, 15, 10);
        await using var tab = await app.OpenAsync(1280, 900);
        var page = tab.Page;
        await tab.SyncClockAsync();

        // The public position table: 12 rows, 15 places, post types, durations and certificates.
        await tab.GoAsync("fellowship");
        await tab.WaitAsync(page.GetByTestId("fel-positions"));
        (await page.GetByTestId("fel-position").CountAsync()).ShouldBe(12);
        (await page.GetByTestId("fel-positions-title").InnerTextAsync()).ShouldContain("15");
        (await page.GetByTestId("fel-positions").InnerTextAsync()).ShouldContain(Zh.FCode("doc", "ECMO_TRAINING"));
        await tab.ScreenshotsAsync("fellowship-positions");

        // Registration, then FORM-08 with the practice location of another hospital.
        var idNumber = TestIds.NewResidentId(new DateOnly(1990, 4, 12));
        await page.GetByTestId("fel-register-link").ClickAsync();
        await page.WaitForURLAsync("**/fellowship/register");
        await page.EnterAsync("#documentNumber", idNumber);
        await page.EnterAsync("#name", "王丽娟");
        await page.EnterAsync("#mobile", "13877312345");
        await page.EnterAsync("#password", Password);
        await page.GetByTestId("fel-register-submit").ClickAsync();
        await page.WaitForURLAsync("**/fellowship/apply");
        await tab.WaitAsync(page.Locator("#positionNo"));
        await FillFormAsync(page, practiceLocation: "桂林市人民医院");
        await page.GetByTestId("fel-save-draft").ClickAsync();
        await tab.WaitAsync(page.GetByTestId("fel-apply-done"));
        (await MyStatusAsync(idNumber)).ShouldBe("DRAFT");

        // Uploads: a file over 2 MiB is not sent; then each certificate the row and the form ask for.
        await page.Locator("#doc-PHOTO").SetInputFilesAsync(new FilePayload { Name = "big.pdf", MimeType = "application/pdf", Buffer = new byte[2 * 1024 * 1024 + 1] });
        await tab.WaitAsync(page.Locator("[data-testid='field-error'][data-field='doc-PHOTO']"));
        var kinds = await page.GetByTestId("fel-doc").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.kind)");
        kinds.ShouldBe(["PHOTO", "ID_CARD", "DIPLOMA", "DEGREE", "TITLE_CERTIFICATE", "RESIDENCY_CERTIFICATE", "PHYSICIAN_QUALIFICATION", "PRACTISING_CERTIFICATE"]);
        foreach (var kind in kinds)
        {
            await page.Locator($"#doc-{kind}").SetInputFilesAsync(new FilePayload { Name = $"{kind}.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await tab.WaitAsync(page.Locator($"[data-testid='fel-doc'][data-kind='{kind}'][data-uploaded='true']"));
        }

        // Submitted: refused by FEL-13 with the rule, beside the field; nothing stored.
        await page.GetByTestId("fel-submit").ClickAsync();
        var refusal = page.GetByTestId("fel-refusal");
        await tab.WaitAsync(refusal);
        (await refusal.GetAttributeAsync("data-code")).ShouldBe("eligibility.practice_location_mismatch");
        (await page.GetByTestId("fel-refusal-rule").InnerTextAsync()).ShouldContain("FEL-13");
        (await MyStatusAsync(idNumber)).ShouldBe("DRAFT");
        await tab.ScreenshotsAsync("fellowship-apply-refused");

        // Fixed: submitted, with the SOFT flag (7 years of work above the row's 5) shown as a note, not a refusal.
        await page.EnterAsync("#cert-location", Unit);
        await page.GetByTestId("fel-submit").ClickAsync();
        await tab.WaitAsync(page.GetByTestId("fel-apply-done"));
        (await refusal.CountAsync()).ShouldBe(0);
        await tab.WaitAsync(page.Locator("[data-testid='fel-flag'][data-flag='WORK_YEARS_ABOVE_ROW']"));
        (await MyStatusAsync(idNumber)).ShouldBe("SUBMITTED");
        await tab.ScreenshotsAsync("fellowship-apply-submitted");
        var fellowId = await MyIdAsync(idNumber);

        // Two more applicants for row 1 (two places) through the API.
        var second = await SubmittedThroughApiAsync("蒙志强");
        var third = await SubmittedThroughApiAsync("黎晓燕");

        // The office: the board, then the first applicant proposed with the flag acknowledged.
        await using var office = await app.OpenAsync(1280, 900);
        var desk = office.Page;
        await office.SyncClockAsync();
        await SignInOfficeAsync(office, "fellowship/office");
        await office.WaitAsync(desk.GetByTestId("fel-office-rows"));
        await office.WaitAsync(desk.Locator($"[data-testid='fel-queue-open'][data-id='{fellowId}']"));
        await office.ScreenshotsAsync("fellowship-office-board");
        await desk.Locator($"[data-testid='fel-queue-open'][data-id='{fellowId}']").ClickAsync();
        await office.WaitAsync(desk.GetByTestId("fel-review"));
        await desk.EnterAsync("#ack-WORK_YEARS_ABOVE_ROW", "主治医师资历，工作年限较长属正常");
        await desk.TickAsync(Zh.F("fel.detail.verified"));
        await desk.GetByTestId("fel-propose").ClickAsync();
        await office.WaitAsync(desk.Locator("[data-testid='fel-detail-status'][data-status='PROPOSED']"));

        // The last place: two office tabs open the other two applications; the first proposal takes it, the second is refused in the page.
        await using var other = await app.OpenAsync(1280, 900);
        await other.SyncClockAsync();
        await SignInOfficeAsync(other, $"fellowship/office/applications/{third}");
        await office.GoAsync($"fellowship/office/applications/{second}");
        await office.WaitAsync(desk.GetByTestId("fel-review"));
        await other.WaitAsync(other.Page.GetByTestId("fel-review"));
        await desk.TickAsync(Zh.F("fel.detail.verified"));
        await other.Page.TickAsync(Zh.F("fel.detail.verified"));
        await desk.GetByTestId("fel-propose").ClickAsync();
        await office.WaitAsync(desk.Locator("[data-testid='fel-detail-status'][data-status='PROPOSED']"));
        await other.Page.GetByTestId("fel-propose").ClickAsync();
        var exhausted = other.Page.GetByTestId("fel-refusal");
        await other.WaitAsync(exhausted);
        (await exhausted.GetAttributeAsync("data-code")).ShouldBe("quota.exhausted");
        (await other.Page.GetByTestId("fel-refusal-rule").InnerTextAsync()).ShouldContain("FEL-10");
        (await other.Page.GetByTestId("fel-detail-status").GetAttributeAsync("data-status")).ShouldNotBe("PROPOSED");
        await other.ScreenshotsAsync("fellowship-office-quota-refused");
        using (var admin = await app.SignedInAsync(Office))
        {
            var selection = await (await admin.GetAsync($"{Api}/cycles/2024/selection")).JsonAsync();
            selection.GetProperty("rows").EnumerateArray().First(r => r.GetProperty("positionNo").GetInt32() == 1).GetProperty("held").GetInt32().ShouldBe(2);
            (await StatusAsync(admin, third)).ShouldNotBe("PROPOSED");
        }
        other.Console.ShouldBeEmpty();

        // The notice (FORM-09, reporting on the cycle's default day) and the applicant's view of it with the PDF.
        await office.GoAsync($"fellowship/office/applications/{fellowId}");
        await office.WaitAsync(desk.GetByTestId("fel-issue-notice"));
        await desk.GetByTestId("fel-issue-notice").ClickAsync();
        await office.WaitAsync(desk.Locator("[data-testid='fel-detail-status'][data-status='NOTICE_ISSUED']"));
        await tab.GoAsync("fellowship/me");
        await tab.WaitAsync(page.GetByTestId("fel-me-notice"));
        (await page.GetByTestId("fel-me-notice").InnerTextAsync()).ShouldContain("2024年7月1日");
        (await page.GetByTestId("fel-me-checklist").Locator("li").CountAsync()).ShouldBe(7);
        var noticeDownload = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("fel-notice-pdf").ClickAsync());
        var notice = PrintedPdf.Read(await File.ReadAllBytesAsync((await noticeDownload.PathAsync()).ShouldNotBeNull()));
        notice.Compact.ShouldContain("王丽娟");
        notice.Compact.ShouldContain("进修录取通知书");
        await tab.ScreenshotsAsync("fellowship-me-notice");

        // Reporting materials received and sealed, then the arrival on the reporting day.
        foreach (var item in await desk.Locator(".fel-check").AllAsync())
        {
            await item.GetByLabel(Zh.F("fel.detail.received"), new() { Exact = true }).CheckAsync();
            await item.GetByLabel(Zh.F("fel.detail.sealed"), new() { Exact = true }).CheckAsync();
        }
        await desk.GetByTestId("fel-save-checklist").ClickAsync();
        await office.WaitAsync(desk.GetByTestId("fel-detail-done"));
        app.Clock.Set(2024, 7, 1, 9);
        await office.SyncClockAsync();
        await SignInOfficeAsync(office, $"fellowship/office/applications/{fellowId}");
        await office.WaitAsync(desk.GetByTestId("fel-record-reporting"));
        await desk.GetByTestId("fel-record-reporting").ClickAsync();
        await office.WaitAsync(desk.Locator("[data-testid='fel-detail-status'][data-status='REPORTED']"));

        // A senior mentor, a performance evaluation and the two-site rotation: in training.
        await desk.EnterAsync("#mentor-staffNo", "GL0815");
        await desk.EnterAsync("#mentor-name", "唐建华");
        await desk.SelectAsync("#mentor-title", "CHIEF");
        await desk.EnterAsync("#mentor-department", "心血管内科");
        await desk.GetByTestId("fel-assign-mentor").ClickAsync();
        await office.WaitAsync(desk.GetByTestId("fel-mentor").GetByText("唐建华"));
        await desk.EnterAsync("#evaluator", "科教部 何老师");
        await desk.EnterAsync("#evaluation-summary", "临床基础扎实，可赴湘雅二医院轮转");
        await desk.GetByTestId("fel-evaluate").ClickAsync();
        await office.WaitAsync(desk.GetByTestId("fel-detail-done"));
        await desk.GetByTestId("fel-plan-rotation").ClickAsync();
        await office.WaitAsync(desk.Locator("[data-testid='fel-detail-status'][data-status='IN_TRAINING']"));
        (await desk.GetByTestId("fel-rotation").Locator("li").CountAsync()).ShouldBe(2);
        await office.ScreenshotsAsync("fellowship-office-fellow");

        // The final assessment in the last month, then the certificate.
        app.Clock.Set(2025, 6, 15, 9);
        await office.SyncClockAsync();
        await SignInOfficeAsync(office, $"fellowship/office/applications/{fellowId}");
        await office.WaitAsync(desk.GetByTestId("fel-assess"));
        await desk.SelectAsync("#assessment-kind", "FINAL");
        await desk.SelectAsync("#assessment-grade", "EXCELLENT");
        await desk.EnterAsync("#assessment-summary", "进修期间表现优秀");
        await desk.EnterAsync("#panel-HR", "刘主任");
        await desk.EnterAsync("#panel-MEDICAL_AFFAIRS", "陈主任");
        await desk.EnterAsync("#panel-SCI_ED", "黄主任");
        await desk.GetByTestId("fel-assess").ClickAsync();
        await office.WaitAsync(desk.Locator("[data-testid='fel-detail-status'][data-status='ASSESSED']"));
        await desk.GetByTestId("fel-issue-certificate").ClickAsync();
        await office.WaitAsync(desk.Locator("[data-testid='fel-detail-status'][data-status='CERTIFIED']"));
        office.Console.ShouldBeEmpty();

        // The fellow downloads the certificate as a PDF; its QR code leads to the public page that says it is genuine.
        await tab.SyncClockAsync();
        await SignInApplicantAsync(tab, idNumber);
        await tab.WaitAsync(page.GetByTestId("fel-me-certificate"));
        (await page.GetByTestId("fel-me-status").GetAttributeAsync("data-status")).ShouldBe("CERTIFIED");
        (await page.GetByTestId("fel-rotation").InnerTextAsync()).ShouldContain(Zh.FCode("site", "XIANGYA2"));
        (await page.GetByTestId("fel-assessments").InnerTextAsync()).ShouldContain(Zh.FCode("grade", "EXCELLENT"));
        await tab.ScreenshotsAsync("fellowship-me-certified");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("fel-certificate-pdf").ClickAsync());
        var certificate = PrintedPdf.Read(await File.ReadAllBytesAsync((await download.PathAsync()).ShouldNotBeNull()));
        certificate.Compact.ShouldContain("王丽娟");
        certificate.Compact.ShouldContain("进修培养合格证书");
        certificate.Compact.ShouldNotContain(idNumber);
        var url = certificate.QrTexts.ShouldHaveSingleItem();
        url.ShouldStartWith(app.BaseUrl + "/verify/");
        tab.Console.ShouldBeEmpty();
        await page.GotoAsync(url);
        (await page.Locator("body").InnerTextAsync()).ShouldContain("王丽娟");
        using var anonymous = app.Anonymous();
        var verified = await (await anonymous.GetAsync($"/api/publications/verifications/{url[(app.BaseUrl + "/verify/").Length..]}")).JsonAsync();
        verified.GetProperty("genuine").GetBoolean().ShouldBeTrue();
        verified.GetProperty("holderName").GetString().ShouldBe("王丽娟");
    }

    /// <summary>FORM-08 of a cardiology attending physician at a Guangxi county hospital, with 7 years in the specialty.</summary>
    private static async Task FillFormAsync(IPage page, string practiceLocation)
    {
        await page.SelectAsync("#positionNo", "1");
        await page.SelectAsync("#gender", "FEMALE");
        await page.SelectAsync("#edu-level", "BACHELOR");
        await page.SelectAsync("#edu-degree", "BACHELOR");
        await page.EnterAsync("#edu-school", "桂林医学院");
        await page.EnterAsync("#edu-major", "临床医学");
        await page.EnterAsync("#edu-graduated", "2013-06-30");
        await page.EnterAsync("#edu-diploma", "D-2013-0451");
        await page.SelectAsync("#title-level", "INTERMEDIATE");
        await page.SelectAsync("#title-series", "PHYSICIAN");
        await page.SelectAsync("#title-specialty", "INTERNAL_MEDICINE");
        await page.EnterAsync("#title-name", "主治医师");
        await page.EnterAsync("#title-obtained", "2020-05-01");
        await page.EnterAsync("#title-number", "T-2020-77");
        await page.SelectAsync("#residency-completed", "true");
        await page.EnterAsync("#residency-number", "R-2016-12");
        await page.EnterAsync("#cert-qualification", "Q-110045");
        await page.EnterAsync("#cert-practising", "P-220045");
        await page.EnterAsync("#cert-location", practiceLocation);
        await page.SelectAsync("#cert-scope", "INTERNAL_MEDICINE");
        await page.EnterAsync("#specialty", "心血管内科");
        await page.EnterAsync("#work-start", "2017-03-01");
        await page.EnterAsync("#unit-name", Unit);
        await page.EnterAsync("#unit-address", "广西桂林市临桂区人民路1号");
        await page.EnterAsync("#unit-division", "450312");
        await page.EnterAsync("#unit-phone", "0773-5588123");
        await page.EnterAsync("#research", "参与市级科研课题两项");
        await page.EnterAsync("#unit-opinion", "同意推荐");
        await page.TickAsync(Zh.F("fel.apply.signed"));
        await page.TickAsync(Zh.F("fel.apply.conduct"));
        await page.TickAsync(Zh.F("fel.apply.health"));
    }

    private static async Task SignInOfficeAsync(BrowserPage tab, string returnUrl)
    {
        await tab.GoAsync("signin?returnUrl=" + Uri.EscapeDataString(returnUrl));
        await tab.Page.EnterAsync("#login", Office);
        await tab.Page.EnterAsync("#password", RecruitmentApp.StaffPassword);
        await tab.Page.GetByTestId("signin-submit").ClickAsync();
        await tab.Page.WaitForURLAsync("**/" + returnUrl);
    }

    private static async Task SignInApplicantAsync(BrowserPage tab, string idNumber)
    {
        await tab.GoAsync("signin?returnUrl=fellowship%2Fme");
        await tab.Page.EnterAsync("#login", idNumber);
        await tab.Page.EnterAsync("#password", Password);
        await tab.Page.GetByTestId("signin-submit").ClickAsync();
        await tab.Page.WaitForURLAsync("**/fellowship/me");
    }

    private async Task<string> MyStatusAsync(string idNumber)
    {
        using var me = await app.SignedInAsync(idNumber, Password);
        return (await (await me.GetAsync($"{Api}/me/application")).JsonAsync()).GetProperty("status").GetString()!;
    }

    private async Task<Guid> MyIdAsync(string idNumber)
    {
        using var me = await app.SignedInAsync(idNumber, Password);
        return (await (await me.GetAsync($"{Api}/me/application")).JsonAsync()).GetProperty("id").GetGuid();
    }

    private static async Task<string> StatusAsync(HttpClient admin, Guid id) =>
        (await (await admin.GetAsync($"{Api}/applications/{id}")).JsonAsync()).GetProperty("application").GetProperty("status").GetString()!;

    /// <summary>An eligible cardiology applicant registered, uploaded and submitted through the API; returns the application id.</summary>
    private async Task<Guid> SubmittedThroughApiAsync(string name)
    {
        var idNumber = TestIds.NewResidentId(new DateOnly(1991, 2, 3).AddDays(Random.Shared.Next(0, 900)));
        using (var anonymous = app.Anonymous())
            (await anonymous.PostAsJsonAsync($"{Api}/accounts", new { documentNumber = idNumber, password = Password, name, mobile = "13877300000" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        using var me = await app.SignedInAsync(idNumber, Password);
        foreach (var kind in new[] { "PHOTO", "ID_CARD", "DIPLOMA", "DEGREE", "TITLE_CERTIFICATE", "RESIDENCY_CERTIFICATE", "PHYSICIAN_QUALIFICATION", "PRACTISING_CERTIFICATE" })
        {
            using var content = new ByteArrayContent(Pdf);
            content.Headers.ContentType = new("application/pdf");
            await (await me.PutAsync($"{Api}/me/documents/{kind}", content)).ShouldBeSuccessAsync();
        }
        var form = new
        {
            positionNo = 1,
            postType = "PHYSICIAN",
            durationMonths = 12,
            gender = "MALE",
            education = new { level = "BACHELOR", degree = "BACHELOR", school = "广西医科大学", major = "临床医学", graduatedOn = "2014-06-30", diplomaNumber = "D-1" },
            title = new { level = "INTERMEDIATE", series = "PHYSICIAN", specialty = "INTERNAL_MEDICINE", name = "主治医师", obtainedOn = "2021-05-01", certificateNumber = "T-1" },
            residency = new { completed = true, certificateNumber = "R-1" },
            certificates = new { qualificationNumber = "Q-1", practisingNumber = "P-1", practiceLocation = Unit, practiceScope = "INTERNAL_MEDICINE" },
            specialty = "心血管内科",
            specialtyWorkStart = "2021-01-01",
            sendingUnit = new { name = Unit, address = "广西桂林市临桂区", divisionCode = "450312", phone = "0773-5588123", fax = (string?)null },
            researchExperience = "市级课题一项",
            applicantSigned = true,
            unitOpinion = "同意推荐",
            unitAttestsConduct = true,
            declaresGoodHealth = true,
        };
        var submitted = await (await me.PutAsJsonAsync($"{Api}/me/application", new { year = 2024, draft = false, form }, Json)).JsonAsync();
        submitted.GetProperty("status").GetString().ShouldBe("SUBMITTED");
        return submitted.GetProperty("applicationId").GetGuid();
    }
}
