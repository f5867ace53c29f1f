using System.Text.Json;
using static Recruitment.Web.Tests.Steps;

namespace Recruitment.Web.Tests;

/// <summary>
/// The applicant portal in a real Chromium against the real host on Kestrel, with the test clock on the real
/// 2024 dates: the applicant's steps are clicks and typing; staff steps go through the API as their own
/// clients would. Every page runs under the agreed Content-Security-Policy with nothing reported in the console.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ApplicantJourneyTests(BrowserApp app)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task An_applicant_registers_completes_the_profile_uploads_a_photo_applies_and_follows_the_status_to_admission()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var idNumber = TestIds.NewResidentId();
        await using var tab = await app.OpenAsync(1280, 900);
        var page = tab.Page;

        await tab.RegisterAsync(idNumber, "韩梅梅");
        (await page.GetByTestId("missing").InnerTextAsync()).ShouldContain(Zh["profile.missing"]);
        await tab.FillProfileAsync();
        await tab.ScreenshotAsync("desktop-profile");

        await tab.UploadPhotoAsync(TestImages.PadJpeg(TestImages.Jpeg(), 200_000));
        await tab.WaitAsync(page.GetByTestId("photo-uploaded"));
        await tab.WaitAsync(page.GetByTestId("photo-current"));
        await tab.ScreenshotAsync("desktop-photo");

        // At B03: the browser tests share one host and database, and ExamAndTrainingPagesTests finalises B01's results.
        await tab.ChooseAsync("B03", "GP");
        await page.TickAsync(Zh["apply.acceptsReallocation"]);
        await page.GetByTestId("apply-submit").ClickAsync();
        await tab.WaitAsync(page.GetByTestId("apply-submitted"));
        (await page.GetByTestId("apply-submitted").InnerTextAsync()).ShouldContain(Zh.Code("st", "PENDING_REVIEW"));
        await tab.ScreenshotAsync("desktop-apply");

        // Staff: the base approves (25 June), confirms on site (2 July).
        var applicationId = await ApplicationIdAsync(app, idNumber);
        app.Clock.Set(2024, 6, 25, 15);
        using (var b03 = await app.SignedInAsync("t-b03"))
            await (await b03.PostAsJsonAsync($"/api/enrollment/applications/{applicationId}/review", new { decision = "APPROVE", identityVerified = true }))
                .ShouldBeSuccessAsync();
        await tab.SyncClockAsync();
        await tab.SignInAsync(idNumber);
        await tab.WaitAsync(page.GetByTestId("status-current"));
        await tab.ScreenshotAsync("desktop-status-approved");
        await tab.WaitAsync(page.GetByTestId("status-current").Filter(new() { HasText = Zh.Code("st", "APPROVED") }));
        (await page.GetByTestId("timeline").InnerTextAsync()).ShouldContain(Zh.Code("st", "PENDING_REVIEW"));

        app.Clock.Set(2024, 7, 2, 9, 30);
        using (var b03 = await app.SignedInAsync("t-b03"))
        {
            var checklist = await (await b03.GetAsync($"/api/enrollment/applications/{applicationId}/checklist")).JsonAsync();
            var ticks = checklist.GetProperty("items").EnumerateArray()
                .Select(i => new { code = i.GetProperty("code").GetString(), originalSeen = true, copyReceived = true }).ToList();
            await (await b03.PutAsJsonAsync($"/api/enrollment/applications/{applicationId}/checklist", new { items = ticks })).ShouldBeSuccessAsync();
            await (await b03.PostAsJsonAsync($"/api/enrollment/applications/{applicationId}/confirmation", new { exemptionRequested = false })).ShouldBeSuccessAsync();
        }

        // The exam: the integration job imports the result, the base finalises (25 July); the applicant sees the scores.
        app.Clock.Set(2024, 7, 25, 16);
        using (var job = await app.JobAsync())
        {
            await HttpAssertions.EventuallyAsync(async () =>
            {
                var batch = await job.CompletedAsync(await job.PostAsJsonAsync("/api/examination/score-imports", new
                {
                    sourceSystem = "province-exam-system",
                    rows = new[] { new { cycleYear = 2024, track = "RESIDENCY", baseCode = "B03", idNumber, theoryScore = 82.5, skillScore = 75, interviewScore = 88, assessmentResult = "PASS" } },
                }));
                return batch.GetProperty("accepted").GetInt32() + batch.GetProperty("unchanged").GetInt32() == 1;
            }, "the confirmed applicant to be on the exam roster and imported");
        }
        using (var b03 = await app.SignedInAsync("t-b03"))
            await (await b03.PostAsJsonAsync("/api/examination/bases/B03/finalize", new { year = 2024, track = "RESIDENCY" })).ShouldBeSuccessAsync();
        await tab.SyncClockAsync();
        await tab.SignInAsync(idNumber);
        await HttpAssertions.EventuallyAsync(async () =>
        {
            await tab.GoAsync("me/status");
            await tab.WaitAsync(page.GetByTestId("status-current"));
            return (await page.GetByTestId("status-current").InnerTextAsync()) == Zh.Code("st", "EXAMINED");
        }, "the status page to show the published result");
        (await page.GetByTestId("scores").InnerTextAsync()).ShouldContain("82.1");

        // Admission: the base proposes (12 August), the center reviews, the PHC re-checks and publicises (19 August).
        app.Clock.Set(2024, 8, 12, 10);
        using (var b03 = await app.SignedInAsync("t-b03"))
            await (await b03.PostAsJsonAsync($"/api/enrollment/applications/{applicationId}/proposal", new { psychTest = "PASS" })).ShouldBeSuccessAsync();
        app.Clock.Set(2024, 8, 19, 9);
        Guid publicityId;
        using (var center = await app.SignedInAsync("t-center"))
            await (await center.PostAsync("/api/enrollment/cycles/2024/center-review", null)).ShouldBeSuccessAsync();
        using (var phc = await app.SignedInAsync("t-phc"))
        {
            await (await phc.PostAsync("/api/enrollment/cycles/2024/recheck", null)).ShouldBeSuccessAsync();
            publicityId = (await (await phc.PostAsync("/api/enrollment/cycles/2024/publicity", null)).JsonAsync()).GetProperty("publicityId").GetGuid();
        }

        // During publicity (one second before its end) no page and no answer the browser received says ADMITTED.
        app.Clock.Set(2024, 8, 22, 8, 59, 59);
        await app.Service<Wolverine.IMessageBus>().InvokeAsync(new Recruitment.Enrollment.Features.Admission.EndPublicity(publicityId));
        await tab.SyncClockAsync();
        await tab.SignInAsync(idNumber);
        foreach (var path in new[] { "me/status", "me/apply", "publicity", "" })
        {
            await tab.GoAsync(path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var text = await tab.TextAsync();
            text.ShouldNotContain(Zh.Code("st", "ADMITTED"), customMessage: path);
            text.ShouldNotContain("ADMITTED", customMessage: path);
        }
        await tab.GoAsync("me/status");
        await tab.WaitAsync(page.GetByTestId("admission-pending"));
        (await page.GetByTestId("status-current").InnerTextAsync()).ShouldBe(Zh.Code("st", "IN_PUBLICITY"));
        await tab.GoAsync("publicity");
        await tab.WaitAsync(page.GetByTestId("publicity-list").GetByText("韩梅梅"));
        (await tab.ApiAnswersAsync()).ShouldNotContain(body => body.Contains("ADMITTED", StringComparison.Ordinal), "no answer before publicity ends");

        // Publicity ends: now, and only now, the result.
        app.Clock.Set(2024, 8, 22, 9, 0, 0);
        await app.Service<Wolverine.IMessageBus>().InvokeAsync(new Recruitment.Enrollment.Features.Admission.EndPublicity(publicityId));
        await tab.SyncClockAsync();
        await tab.SignInAsync(idNumber);
        await tab.WaitAsync(page.GetByTestId("admission-result"));
        (await page.GetByTestId("status-current").InnerTextAsync()).ShouldBe(Zh.Code("st", "ADMITTED"));
        await tab.ScreenshotAsync("desktop-status-admitted");

        // The notice PDF, offered only now: fetched with the in-memory token and saved as a download.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("notice-pdf").ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync()).ShouldNotBeNull());
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        await tab.ScreenshotsAsync("status-admitted");
        await page.GetByTestId("decline-link").ClickAsync();
        await tab.WaitAsync(page.GetByTestId("decline-submit"));
        await tab.ScreenshotsAsync("decline");

        // Declining after admission (ENR-65): the reason is required before anything is sent, then the place is given up.
        await page.GetByTestId("decline-submit").ClickAsync();
        var reasonField = page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("#reason") });
        await tab.WaitAsync(reasonField.GetByText(Zh["decline.reason.required"]));
        await page.EnterAsync("#reason", "已被其他单位录用");
        await page.TickAsync(Zh["decline.confirm"]);
        await page.GetByTestId("decline-submit").ClickAsync();
        await tab.WaitAsync(page.GetByTestId("decline-done"));
        (await page.GetByTestId("decline-done").InnerTextAsync()).ShouldContain(Zh.Code("st", "DECLINED"));
        await tab.ScreenshotsAsync("decline-done");
        using (var me = await app.SignedInAsync(idNumber, Password))
            (await (await me.GetAsync("/api/enrollment/me/application")).JsonAsync()).GetProperty("status").GetString().ShouldBe("DECLINED");

        tab.Console.ShouldBeEmpty();
    }
}
