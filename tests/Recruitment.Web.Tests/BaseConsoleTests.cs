using Recruitment.Web.Localization;
using static Recruitment.Web.Tests.Steps;

namespace Recruitment.Web.Tests;

/// <summary>
/// The base admin console in Chromium against the real host: applicants apply through the API, then the base admin
/// reviews (a refusal beside its cause first), rejects with a reason, and confirms on site in the browser; every
/// outcome is read back through the API. Another base's admin following a B01 link sees the refusal and nothing of B01.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BaseConsoleTests(BrowserApp app)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_base_admin_reviews_rejects_and_confirms_on_site_in_the_console()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var (approvedIdNumber, approvedId, _) = await AppliedAsync(app, "吴敏");
        var (_, rejectedId, _) = await AppliedAsync(app, "冯涛");

        app.Clock.Set(2024, 6, 25, 15);
        await using var tab = await app.OpenAsync(1280, 900);
        var page = tab.Page;
        await tab.SyncClockAsync();
        await tab.SignInAsStaffAsync("t-b01");

        // The console's menu instead of the applicant's, headed with the base from the token.
        await tab.WaitAsync(page.GetByTestId("console-menu").Filter(new() { HasText = "B01" }));
        (await page.Locator("a[href='me/profile']").CountAsync()).ShouldBe(0);

        // The work queue: counts per status, filtered by status on the server.
        await tab.WaitAsync(page.GetByTestId("count").And(page.Locator("[data-status='PENDING_REVIEW']")));
        int.Parse(await page.GetByTestId("count").And(page.Locator("[data-status='PENDING_REVIEW']")).GetAttributeAsync("data-count") ?? "0",
            System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(2);
        await page.SelectAsync("#status", "PENDING_REVIEW");
        var row = page.Locator($"[data-testid='queue-open'][data-id='{approvedId}']");
        await tab.WaitAsync(row);
        // Other tests' applications share the database: wait for the server's filtered page, not the first one.
        await HttpAssertions.EventuallyAsync(async () =>
            (await page.GetByTestId("queue-status").AllInnerTextsAsync()).All(s => s == Zh.Code("st", "PENDING_REVIEW")), "only pending applications listed");

        // The detail: photo, profile, timeline. Approving an independent applicant without the identity tick is refused beside it.
        await row.ClickAsync();
        await page.WaitForURLAsync($"**/base/applications/{approvedId}");
        await tab.WaitAsync(page.GetByTestId("detail-photo"));
        (await page.GetByTestId("detail-profile").InnerTextAsync()).ShouldContain("吉林大学");
        (await page.GetByTestId("timeline").InnerTextAsync()).ShouldContain(Zh.Code("st", "PENDING_REVIEW"));
        await tab.ScreenshotsAsync("base-detail", 390, 844);
        await page.GetByTestId("review-approve").ClickAsync();
        await tab.ConfirmDialogAsync();
        var identityError = page.Locator("[data-testid='field-error'][data-field='identityVerified']");
        await tab.WaitAsync(identityError);
        (await identityError.InnerTextAsync()).ShouldContain("ENR-22");
        (await page.GetByTestId("refusal").GetAttributeAsync("data-code")).ShouldBe("review.identity_not_verified");
        (await page.GetByTestId("detail-status").GetAttributeAsync("data-status")).ShouldBe("PENDING_REVIEW");
        await tab.ScreenshotsAsync("base-review-refused", 390, 844);

        await page.TickAsync(Zh["review.identity"]);
        await page.GetByTestId("review-approve").ClickAsync();
        await tab.ConfirmDialogAsync();
        await tab.WaitAsync(page.GetByTestId("review-done"));
        (await page.GetByTestId("detail-status").GetAttributeAsync("data-status")).ShouldBe("APPROVED");
        (await StatusAsync(approvedId)).ShouldBe("APPROVED");

        // The approved applicant books a slot on 2 July (through the API, as in the portal's own tests).
        using (var b01 = await app.SignedInAsync("t-b01"))
        {
            var slot = await (await b01.PostAsJsonAsync("/api/enrollment/bases/B01/appointment-slots", new
            {
                year = 2024,
                start = new DateTimeOffset(2024, 7, 2, 9, 0, 0, TimeSpan.FromHours(8)),
                end = new DateTimeOffset(2024, 7, 2, 10, 0, 0, TimeSpan.FromHours(8)),
                capacity = 5,
                place = "行政楼一楼",
            })).JsonAsync();
            using var applicant = await app.SignedInAsync(approvedIdNumber, Password);
            await (await applicant.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = slot.GetProperty("slotId").GetGuid() })).ShouldBeSuccessAsync();
        }

        // Rejecting needs a reason before anything is asked or sent; then the reason goes with it.
        await tab.GoAsync($"base/applications/{rejectedId}");
        await tab.WaitAsync(page.GetByTestId("review-reject"));
        await page.GetByTestId("review-reject").ClickAsync();
        var reasonField = page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("#reason") });
        await tab.WaitAsync(reasonField.GetByText(Zh["review.reason.required"]));
        (await page.Locator(".mud-dialog").CountAsync()).ShouldBe(0);
        await page.EnterAsync("#reason", "学历证书与报名信息不符");
        await page.GetByTestId("review-reject").ClickAsync();
        await tab.ConfirmDialogAsync();
        await tab.WaitAsync(page.GetByTestId("review-done"));
        (await StatusAsync(rejectedId)).ShouldBe("REJECTED");

        // On site (2 July): confirming with nothing ticked is refused with what is missing; ticked and saved, it is confirmed.
        app.Clock.Set(2024, 7, 2, 9, 30);
        await tab.SyncClockAsync();
        await tab.SignInAsStaffAsync("t-b01");
        await tab.GoAsync("base/on-site");
        var booked = page.Locator($"[data-testid='daylist-open'][data-id='{approvedId}']");
        await tab.WaitAsync(booked);
        (await page.GetByTestId("daylist").InnerTextAsync()).ShouldContain("行政楼一楼");
        await tab.ScreenshotsAsync("base-daylist", 390, 844);
        await booked.ClickAsync();
        await page.WaitForURLAsync($"**/base/applications/{approvedId}/on-site");
        await tab.WaitAsync(page.GetByTestId("checklist"));
        (await page.GetByTestId("checklist").InnerTextAsync()).ShouldContain(Zh["checklist.ID_CARD"]);
        await page.GetByTestId("onsite-confirm").ClickAsync();
        var checklistError = page.Locator("[data-testid='field-error'][data-field='checklist']");
        await tab.WaitAsync(checklistError);
        (await page.GetByTestId("refusal").GetAttributeAsync("data-code")).ShouldBe("confirmation.checklist_incomplete");
        (await page.GetByTestId("refusal-missing").InnerTextAsync()).ShouldContain(Zh["checklist.ID_CARD"]);
        await tab.ScreenshotsAsync("base-onsite-refused", 390, 844);
        (await StatusAsync(approvedId)).ShouldBe("APPROVED");

        foreach (var box in await page.GetByTestId("checklist").Locator("input[type=checkbox]").AllAsync())
            await box.CheckAsync();
        await page.GetByTestId("onsite-confirm").ClickAsync();
        await tab.ConfirmDialogAsync();
        await tab.WaitAsync(page.GetByTestId("onsite-done"));
        (await page.GetByTestId("onsite-status").GetAttributeAsync("data-status")).ShouldBe("CONFIRMED");
        (await StatusAsync(approvedId)).ShouldBe("CONFIRMED");
        await tab.ScreenshotsAsync("base-onsite-confirmed", 390, 844);

        // Back in the queue: each outcome under its status, counted.
        await tab.GoAsync("base/applications");
        await tab.WaitAsync(page.Locator($"[data-testid='queue-open'][data-id='{rejectedId}']"));
        await tab.WaitAsync(page.GetByTestId("count").And(page.Locator("[data-status='CONFIRMED']")));
        await tab.ScreenshotsAsync("base-queue", 390, 844);

        // Search on the server: by part of the name, then by the last digits of the ID number (the list shows it masked).
        var rows = page.GetByTestId("queue-open");
        await page.EnterAsync("#search", "冯");
        await page.GetByTestId("search-submit").ClickAsync();
        await tab.WaitAsync(page.Locator($"[data-testid='queue-open'][data-id='{rejectedId}']"));
        await HttpAssertions.EventuallyAsync(async () => await rows.CountAsync() == 1, "only 冯涛 to be listed");
        await page.EnterAsync("#search", approvedIdNumber[^6..]);
        await page.GetByTestId("search-submit").ClickAsync();
        await tab.WaitAsync(page.Locator($"[data-testid='queue-open'][data-id='{approvedId}']"));
        await HttpAssertions.EventuallyAsync(async () => await rows.CountAsync() == 1, "only 吴敏 to be listed");
        (await tab.TextAsync()).ShouldContain(approvedIdNumber[..6] + "********" + approvedIdNumber[^4..]);

        tab.Console.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task Another_bases_admin_following_a_B01_link_sees_the_refusal_and_nothing_of_B01()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var (idNumber, applicationId, _) = await AppliedAsync(app, "郑洁");
        app.Clock.Set(2024, 6, 21, 10);
        await using var tab = await app.OpenAsync(390, 844);
        var page = tab.Page;
        await tab.SyncClockAsync();
        await tab.SignInAsStaffAsync("t-b02");
        // On a phone the menu sits in the closed drawer: it is there, headed with B02 (from the token), not shown.
        await tab.WaitAsync(page.GetByTestId("queue"));
        (await page.GetByTestId("console-menu").TextContentAsync() ?? "").ShouldContain("B02");

        // The application's own URL: the API refuses (base.forbidden) and the page says so in Chinese.
        await tab.GoAsync($"base/applications/{applicationId}");
        var refusal = page.GetByTestId("refusal");
        await tab.WaitAsync(refusal);
        (await refusal.GetAttributeAsync("data-code")).ShouldBe("base.forbidden");
        (await refusal.InnerTextAsync()).ShouldContain(Refusals.ExplainForStaff("base.forbidden")!.Zh);
        await tab.ScreenshotsAsync("base-other-base-refused", 390, 844);

        // The on-site page and the queue naming B01 in the URL: refused too.
        await tab.GoAsync($"base/applications/{applicationId}/on-site");
        await tab.WaitAsync(page.GetByTestId("refusal").And(page.Locator("[data-code='base.forbidden']")));
        await tab.GoAsync("base/applications?base=B01");
        await tab.WaitAsync(page.GetByTestId("refusal").And(page.Locator("[data-code='base.forbidden']")));
        (await page.GetByTestId("queue").CountAsync()).ShouldBe(0);

        // Nothing of the B01 applicant reached the page or the browser at all.
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var text = await tab.TextAsync();
        text.ShouldNotContain("郑洁");
        text.ShouldNotContain(idNumber);
        var answers = await tab.ApiAnswersAsync();
        answers.ShouldNotContain(body => body.Contains("郑洁", StringComparison.Ordinal) || body.Contains(idNumber, StringComparison.Ordinal));

        // B02's own queue still works, and it lists no B01 application.
        await page.GetByTestId("queue-own").ClickAsync();
        await tab.WaitAsync(page.GetByTestId("queue"));
        (await page.Locator($"[data-id='{applicationId}']").CountAsync()).ShouldBe(0);
        tab.Console.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_free_student_is_approved_only_with_the_FORM_07_record_typed_at_the_desk()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var profile = new
        {
            basic = new
            {
                gender = "FEMALE",
                birthDate = "1999-04-02",
                ethnicity = "汉族",
                email = "f@example.cn",
                address = "农安",
                freeStudent = new { level = "BACHELOR", directedEmployer = "农安县人民医院", directedCounty = "农安县", isDefaulter = false }
            },
            certificates = Array.Empty<object>(),
            education = new[] { new { level = "BACHELOR", mode = "FULL_TIME", degreeType = "PROFESSIONAL", school = "吉林大学", major = "临床医学",
                start = "2019-09-01", end = "2024-06-30", diplomaCertNumber = "D-7", degreeCertNumber = "G-7" } },
        };
        var choice = new
        {
            year = 2024,
            baseCode = "B01",
            specialtyCode = "GP",
            category = "SPONSORED",
            employerName = "农安县人民医院",
            currentSpecialty = "GP",
            declaration = true
        };
        var (_, applicationId, _) = await AppliedAsync(app, "褚静", profile, choice);

        app.Clock.Set(2024, 6, 25, 15);
        await using var tab = await app.OpenAsync(1280, 900);
        var page = tab.Page;
        await tab.SyncClockAsync();
        await tab.SignInAsStaffAsync("t-b01");
        await tab.GoAsync($"base/applications/{applicationId}");
        await tab.WaitAsync(page.GetByTestId("form07"));
        (await page.Locator("#form07-county").InputValueAsync()).ShouldBe("农安县");

        // Without the agreement checked the server refuses the record (FORM-07), beside the record.
        await page.GetByTestId("review-approve").ClickAsync();
        await tab.ConfirmDialogAsync();
        await tab.WaitAsync(page.Locator("[data-testid='field-error'][data-field='freeStudent']"));
        (await page.GetByTestId("refusal").GetAttributeAsync("data-code")).ShouldBe("review.invalid_free_student_record");
        (await StatusAsync(applicationId)).ShouldBe("PENDING_REVIEW");
        await tab.ScreenshotsAsync("base-form07-refused", 390, 844);

        await page.TickAsync(Zh["review.form07.agreement"]);
        await page.GetByTestId("review-approve").ClickAsync();
        await tab.ConfirmDialogAsync();
        await tab.WaitAsync(page.GetByTestId("form07-recorded"));
        (await page.GetByTestId("form07-recorded").InnerTextAsync()).ShouldContain("农安县");
        (await StatusAsync(applicationId)).ShouldBe("APPROVED");
        using (var b01 = await app.SignedInAsync("t-b01"))
            (await (await b01.GetAsync($"/api/enrollment/applications/{applicationId}")).JsonAsync())
                .GetProperty("freeStudentRecord").GetProperty("agreementChecked").GetBoolean().ShouldBeTrue();
        tab.Console.ShouldBeEmpty();
    }

    private async Task<string> StatusAsync(string applicationId)
    {
        using var b01 = await app.SignedInAsync("t-b01");
        var view = await (await b01.GetAsync($"/api/enrollment/applications/{applicationId}")).JsonAsync();
        return view.GetProperty("application").GetProperty("status").GetString().ShouldNotBeNull();
    }
}
