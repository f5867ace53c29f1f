using System.Text.RegularExpressions;
using static Recruitment.Web.Tests.Steps;

namespace Recruitment.Web.Tests;

/// <summary>
/// The portal's pages after registration, in Chromium against the real host: a forgotten password reset with the code
/// the real SMTP server received, the password changed, an on-site slot booked (and a full slot refused beside the
/// list), the inbox badge after a rejection. Refusals are the server's, in Chinese, beside their field.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PortalPagesTests(BrowserApp app)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [GeneratedRegex(@"\b(\d{6})\b")]
    private static partial Regex SixDigits();

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_forgotten_password_is_reset_with_the_mailed_code_and_then_changed_while_signed_in()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var (idNumber, _, email) = await AppliedAsync(app, "孙丽");
        await using var tab = await app.OpenAsync(360, 740);
        var page = tab.Page;

        await tab.GoAsync("signin");
        await page.GetByTestId("forgot-link").ClickAsync();
        await page.WaitForURLAsync("**/forgot-password");
        await tab.ScreenshotsAsync("forgot-password");
        await page.EnterAsync("#login", idNumber);
        await page.GetByTestId("forgot-request").ClickAsync();
        await tab.WaitAsync(page.GetByTestId("forgot-sent"));
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(app.Smtp.To(email).Count > 0), "the reset code by e-mail");
        var code = SixDigits().Match(app.Smtp.To(email)[^1].TextBody!).Groups[1].Value;

        // A wrong code: the server's refusal stands beside the code field, and the password is unchanged.
        var wrong = code == "000000" ? "111111" : "000000";
        await page.EnterAsync("#code", wrong);
        await page.EnterAsync("#newPassword", "Renewed-2024");
        await page.EnterAsync("#confirm", "Renewed-2024");
        await page.GetByTestId("forgot-confirm").ClickAsync();
        var codeField = page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("#code") });
        await tab.WaitAsync(codeField.Locator(".mud-input-helper-text.mud-input-error"));
        await tab.ScreenshotsAsync("forgot-password-refused");
        (await SignInResponseAsync(idNumber, Password)).StatusCode.ShouldBe(HttpStatusCode.OK, "a refused code changes nothing");

        await page.EnterAsync("#code", code);
        await page.GetByTestId("forgot-confirm").ClickAsync();
        await page.WaitForURLAsync("**/signin?reset=1");
        await tab.WaitAsync(page.GetByTestId("signin-password-changed"));
        await page.EnterAsync("#login", idNumber);
        await page.EnterAsync("#password", "Renewed-2024");
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.WaitForURLAsync("**/me/status");

        // Change it again while signed in: a wrong current password is refused beside that field.
        await tab.GoAsync("me/password");
        await page.EnterAsync("#currentPassword", "Not-the-one-1");
        await page.EnterAsync("#newPassword", Password);
        await page.EnterAsync("#confirm", Password);
        await page.GetByTestId("password-submit").ClickAsync();
        var currentField = page.Locator(".mud-input-control").Filter(new() { Has = page.Locator("#currentPassword") });
        await tab.WaitAsync(currentField.Locator(".mud-input-helper-text.mud-input-error"));
        await tab.ScreenshotsAsync("change-password-refused");
        await page.EnterAsync("#currentPassword", "Renewed-2024");
        await page.GetByTestId("password-submit").ClickAsync();
        await page.WaitForURLAsync("**/signin?changed=1");
        (await SignInResponseAsync(idNumber, Password)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360);
        tab.Console.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task An_approved_applicant_books_an_on_site_slot_and_a_slot_taken_meanwhile_is_refused_beside_the_list()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var (idNumber, applicationId, _) = await AppliedAsync(app, "钱进");
        var (rival, rivalApplication, _) = await AppliedAsync(app, "吴明");
        app.Clock.Set(2024, 6, 25, 15);
        var place = $"门诊楼三楼 {Guid.NewGuid().ToString("N")[..6]}";
        Guid first, last;
        using (var b01 = await app.SignedInAsync("t-b01"))
        {
            foreach (var id in new[] { applicationId, rivalApplication })
                await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/review", new { decision = "APPROVE", identityVerified = true }))
                    .ShouldBeSuccessAsync();
            first = await SlotAsync(b01, place, 2, 9, capacity: 5);
            last = await SlotAsync(b01, place, 2, 14, capacity: 1);
        }

        await using var tab = await app.OpenAsync(360, 740);
        await tab.SyncClockAsync();
        var page = tab.Page;
        await tab.SignInAsync(idNumber);
        await tab.GoAsync("me/appointment");
        await tab.WaitAsync(page.Locator($"li.slot[data-slot='{first}']"));
        await page.Locator($"li.slot[data-slot='{first}']").GetByTestId("slot-book").ClickAsync();
        await tab.WaitAsync(page.Locator($"[data-testid=appointment-booked][data-slot='{first}']"));
        await tab.ScreenshotsAsync("appointment");

        // The last place of the afternoon slot goes to someone else while the page is open: moving there is refused.
        using (var other = await app.SignedInAsync(rival, Password))
            await (await other.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = last })).ShouldBeSuccessAsync();
        await page.Locator($"li.slot[data-slot='{last}']").GetByTestId("slot-book").ClickAsync();
        await tab.WaitAsync(page.Locator("[data-testid=field-error][data-field=slot]"));
        await tab.WaitAsync(page.Locator("[data-testid=refusal][data-code='appointment.slot_full']"));
        (await page.GetByTestId("refusal").InnerTextAsync()).ShouldContain("ENR-07");
        await tab.WaitAsync(page.Locator($"li.slot[data-slot='{last}']").GetByText(Zh["appointment.full"]));
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360);
        await tab.ScreenshotsAsync("appointment-refused");
        (await page.Locator($"[data-testid=appointment-booked][data-slot='{first}']").CountAsync()).ShouldBe(1, "the refused move keeps the booking");
        tab.Console.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_rejection_shows_as_an_unread_badge_and_in_the_inbox_until_it_is_read()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var (idNumber, applicationId, _) = await AppliedAsync(app, "郑洁");
        await using var tab = await app.OpenAsync(1280, 900);
        var page = tab.Page;
        await tab.SignInAsync(idNumber);
        await tab.WaitAsync(page.GetByTestId("status-current"));
        (await page.Locator("[data-testid=inbox-badge][data-unread='0']").CountAsync()).ShouldBe(1);

        using (var b01 = await app.SignedInAsync("t-b01"))
            await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{applicationId}/review", new { decision = "REJECT", reason = "毕业证书照片不清晰" }))
                .ShouldBeSuccessAsync();
        using (var me = await app.SignedInAsync(idNumber, Password))
            await HttpAssertions.EventuallyAsync(async () =>
                (await (await me.GetAsync("/api/notifications/me/unread-count")).JsonAsync()).GetProperty("unread").GetInt32() == 1, "the rejection notification");

        // The next page the applicant opens shows the count on the bell, as text too.
        await tab.GoAsync("me/profile");
        await tab.WaitAsync(page.Locator("[data-testid=inbox-badge][data-unread='1']"));
        (await page.Locator("[data-testid=inbox-badge] a, [data-testid=inbox-badge] button").First.GetAttributeAsync("aria-label"))
            .ShouldBe(Zh.Format("inbox.badge", 1));
        await page.Locator("[data-testid=inbox-badge] a, [data-testid=inbox-badge] button").First.ClickAsync();
        await page.WaitForURLAsync("**/me/inbox");
        var item = page.Locator("[data-testid=inbox-item][data-template='application-rejected']");
        await tab.WaitAsync(item);
        (await item.InnerTextAsync()).ShouldContain("毕业证书照片不清晰");
        (await item.InnerTextAsync()).ShouldNotContain(idNumber);
        await tab.ScreenshotsAsync("inbox");

        await item.GetByTestId("inbox-read").ClickAsync();
        await tab.WaitAsync(page.Locator("[data-testid=inbox-badge][data-unread='0']"));
        (await page.GetByTestId("inbox-unread").InnerTextAsync()).ShouldBe(Zh.Format("inbox.unread", 0));
        tab.Console.ShouldBeEmpty();
    }

    private static async Task<Guid> SlotAsync(HttpClient admin, string place, int day, int hour, int capacity)
    {
        var response = await admin.PostAsJsonAsync("/api/enrollment/bases/B01/appointment-slots", new
        {
            year = 2024,
            start = new DateTimeOffset(2024, 7, day, hour, 0, 0, China),
            end = new DateTimeOffset(2024, 7, day, hour + 1, 0, 0, China),
            capacity,
            place,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("slotId").GetGuid();
    }

    private async Task<HttpResponseMessage> SignInResponseAsync(string login, string password)
    {
        using var anonymous = app.Anonymous();
        return await anonymous.PostAsJsonAsync("/api/auth/token", new { login, password });
    }

    private static Task<int> PageWidthAsync(BrowserPage tab) => tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
