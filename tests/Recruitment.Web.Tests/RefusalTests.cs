using static Recruitment.Web.Tests.Steps;

namespace Recruitment.Web.Tests;

/// <summary>
/// On a 360-pixel phone: the public pages fit, the browser's own checks and the server's refusals appear beside
/// the field they concern, in Chinese, with the rule they come from; a refused photo and a refused application
/// change nothing.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class RefusalTests(BrowserApp app)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task On_a_phone_public_pages_fit_and_every_refusal_stands_beside_its_field_with_its_rule()
    {
        app.Clock.Set(2024, 6, 20, 10);
        await using var tab = await app.OpenAsync(360, 740);
        var page = tab.Page;

        // Public: the calendar as a timeline and the quota grid with "not offered", without sideways scrolling of the page.
        await tab.GoAsync("");
        await tab.WaitAsync(page.GetByTestId("calendar"));
        await tab.ScreenshotAsync("phone-home");
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360);
        await tab.GoAsync("quotas");
        await tab.WaitAsync(page.GetByTestId("quota-grid"));
        (await page.Locator("td.not-offered").CountAsync()).ShouldBeGreaterThan(0);
        (await page.Locator("td.not-offered").First.InnerTextAsync()).ShouldBe(Zh["quotas.not_offered"]);
        await tab.ScreenshotAsync("phone-quotas");
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360, "the grid scrolls inside its own box");

        // Register: a mistyped check character is caught in the browser, before anything is sent.
        var idNumber = TestIds.NewResidentId();
        var wrongCheck = idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');
        await tab.GoAsync("register");
        await page.EnterAsync("#documentNumber", wrongCheck);
        await page.EnterAsync("#name", "赵强");
        await page.EnterAsync("#mobile", "13812345678");
        await page.EnterAsync("#password", Password);
        await page.EnterAsync("#confirm", Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await tab.WaitAsync(page.GetByText(Zh["id.check"]));
        await tab.ScreenshotAsync("phone-register-refused");

        // The server's refusal for a number that already has an account stands beside the number.
        using (var anonymous = app.Anonymous())
            (await anonymous.PostAsJsonAsync("/api/enrollment/accounts", new { documentNumber = idNumber, password = Password, name = "赵强", mobile = "13812345678" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        await page.EnterAsync("#documentNumber", idNumber);
        await page.GetByTestId("register-submit").ClickAsync();
        var documentField = page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("#documentNumber") });
        await tab.WaitAsync(documentField.Locator(".mud-input-helper-text.mud-input-error").Filter(new() { HasNotText = Zh["id.check"] }));
        page.Url.ShouldEndWith("/register");

        // Photo: a file of the right size that is not a picture is refused by the server, and the refusal is shown.
        using (var me = await app.SignedInAsync(idNumber, Password))
            await (await me.PutAsJsonAsync("/api/enrollment/me/profile", Profile)).ShouldBeSuccessAsync();
        await tab.SignInAsync(idNumber);
        await tab.GoAsync("me/photo");
        await tab.WaitAsync(page.GetByTestId("photo-rule"));
        await page.Locator("#photo-file").SetInputFilesAsync(new Microsoft.Playwright.FilePayload { Name = "small.jpg", MimeType = "image/jpeg", Buffer = new byte[50_000] });
        await tab.WaitAsync(page.GetByTestId("photo-size-problem"));
        (await page.GetByTestId("photo-upload").IsDisabledAsync()).ShouldBeTrue("a file outside 150-300 KB is not sent");
        var notAPicture = new byte[200_000];
        new Random(11).NextBytes(notAPicture);
        await tab.UploadPhotoAsync(notAPicture, "scan.jpg");
        await tab.WaitAsync(page.Locator("[data-testid=refusal][data-code='photo.unsupported_format']"));
        (await page.GetByTestId("refusal").InnerTextAsync()).ShouldContain("ENR-11");
        await tab.ScreenshotAsync("phone-photo-refused");
        await tab.WaitAsync(page.GetByTestId("photo-none"));

        // Apply: an independent applicant who does not accept reallocation is refused (ENR-28), beside that box.
        using (var me = await app.SignedInAsync(idNumber, Password))
        {
            using var photo = new ByteArrayContent(TestImages.PadJpeg(TestImages.Jpeg(), 200_000));
            photo.Headers.ContentType = new("image/jpeg");
            await (await me.PutAsync("/api/enrollment/me/photo", photo)).ShouldBeSuccessAsync();
        }
        await tab.ChooseAsync("B01", "GP");
        await page.GetByTestId("apply-submit").ClickAsync();
        await tab.WaitAsync(page.Locator("[data-testid=field-error][data-field=acceptsReallocation]"));
        var refusal = page.Locator("[data-testid=refusal][data-code='eligibility.reallocation_acceptance_required']");
        await tab.WaitAsync(refusal);
        (await refusal.InnerTextAsync()).ShouldContain("ENR-28");
        (await refusal.InnerTextAsync()).ShouldContain(Refusal("eligibility.reallocation_acceptance_required"));
        await tab.ScreenshotAsync("phone-apply-refused");
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360);
        using (var me = await app.SignedInAsync(idNumber, Password))
            (await me.GetAsync("/api/enrollment/me/application")).StatusCode.ShouldBe(HttpStatusCode.NotFound, "a refused application stores nothing");

        tab.Console.ShouldBeEmpty();
    }

    private static string Refusal(string code) => Recruitment.Web.Localization.Refusals.Explain(code)!.Zh;

    private static Task<int> PageWidthAsync(BrowserPage tab) => tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
