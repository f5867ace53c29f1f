using Recruitment.Web.Localization;

namespace Recruitment.Web.Tests;

/// <summary>What a user does in the browser, in the words of the pages (Chinese texts from the client's own table).</summary>
public static class Steps
{
    public static readonly Texts Zh = new();
    public const string Password = "Applicant-2024";

    /// <summary>Types into a field and leaves it, as a user does (fields bound on change see the value).</summary>
    public static async Task EnterAsync(this IPage page, string selector, string text)
    {
        var field = page.Locator(selector);
        await field.FillAsync(text);
        await field.DispatchEventAsync("change");
    }

    public static async Task SelectAsync(this IPage page, string selector, string value)
    {
        await page.Locator(selector).SelectOptionAsync(value);
    }

    public static async Task TickAsync(this IPage page, string label) => await page.GetByLabel(label, new() { Exact = true }).CheckAsync();

    public static async Task RegisterAsync(this BrowserPage tab, string idNumber, string name = "李雷", string mobile = "13812345678")
    {
        await tab.GoAsync("register");
        var page = tab.Page;
        await page.EnterAsync("#documentNumber", idNumber);
        await page.EnterAsync("#name", name);
        await page.EnterAsync("#mobile", mobile);
        await page.EnterAsync("#password", Password);
        await page.EnterAsync("#confirm", Password);
        await page.GetByTestId("register-submit").ClickAsync();
        await page.WaitForURLAsync("**/me/profile**");
    }

    /// <summary>Signs in again (days later the access token has expired; without the refresh route the client is signed out).</summary>
    public static async Task SignInAsync(this BrowserPage tab, string idNumber)
    {
        await tab.GoAsync("signin");
        var page = tab.Page;
        await page.EnterAsync("#login", idNumber);
        await page.EnterAsync("#password", Password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.WaitForURLAsync("**/me/status");
    }

    /// <summary>A member of staff signs in on the same page (a login instead of a document number); a base admin lands on the work queue.</summary>
    public static async Task SignInAsStaffAsync(this BrowserPage tab, string login)
    {
        await tab.GoAsync("signin");
        var page = tab.Page;
        await page.EnterAsync("#login", login);
        await page.EnterAsync("#password", RecruitmentApp.StaffPassword);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.WaitForURLAsync("**/base/applications");
    }

    /// <summary>Answers "yes" in the confirmation dialog an irreversible action opens first.</summary>
    public static async Task ConfirmDialogAsync(this BrowserPage tab)
    {
        var dialog = tab.Page.Locator(".mud-dialog");
        await tab.WaitAsync(dialog);
        await dialog.GetByRole(AriaRole.Button, new() { Name = Zh["review.confirm.yes"], Exact = true }).ClickAsync();
        await dialog.WaitForAsync(new() { State = WaitForSelectorState.Detached });
    }

    public static async Task FillProfileAsync(this BrowserPage tab)
    {
        var page = tab.Page;
        await page.Locator("#gender").WaitForAsync();
        await page.SelectAsync("#gender", "FEMALE");
        await page.EnterAsync("#birthDate", "1999-05-01");
        await page.EnterAsync("#ethnicity", "汉族");
        await page.EnterAsync("#email", "lilei@example.cn");
        await page.EnterAsync("#address", "吉林省长春市朝阳区");
        await page.SelectAsync("#edu0-level", "BACHELOR");
        await page.SelectAsync("#edu0-mode", "FULL_TIME");
        await page.SelectAsync("#edu0-degreeType", "PROFESSIONAL");
        await page.EnterAsync("#edu0-school", "吉林大学");
        await page.EnterAsync("#edu0-major", "临床医学");
        await page.EnterAsync("#edu0-start", "2019-09-01");
        await page.EnterAsync("#edu0-end", "2024-06-30");
        await page.EnterAsync("#edu0-diploma", "D-2024-001");
        await page.EnterAsync("#edu0-degree", "G-2024-001");
        await page.GetByTestId("profile-save").ClickAsync();
        await page.GetByText(Zh["profile.complete"]).WaitForAsync();
    }

    public static async Task UploadPhotoAsync(this BrowserPage tab, byte[] bytes, string name = "photo.jpg")
    {
        await tab.GoAsync("me/photo");
        await tab.Page.Locator("#photo-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "image/jpeg", Buffer = bytes });
        await tab.Page.GetByTestId("photo-upload").ClickAsync();
    }

    public static async Task ChooseAsync(this BrowserPage tab, string baseCode, string specialty)
    {
        await tab.GoAsync("me/apply");
        var page = tab.Page;
        await page.Locator("#baseCode").WaitForAsync();
        await page.SelectAsync("#baseCode", baseCode);
        await page.SelectAsync("#specialtyCode", specialty);
        await page.GetByLabel(Zh.Code("category", "INDEPENDENT")).CheckAsync();
        await page.TickAsync(Zh["apply.declaresNoEmployment"]);
        await page.TickAsync(Zh["apply.declaration"]);
    }

    /// <summary>A complete profile as the API takes it (the browser steps fill the same one in the form).</summary>
    public static readonly object Profile = new
    {
        basic = new { gender = "MALE", birthDate = "1998-03-02", ethnicity = "汉族", email = "z@example.cn", address = "长春" },
        certificates = Array.Empty<object>(),
        education = new[] { new { level = "BACHELOR", mode = "FULL_TIME", degreeType = "PROFESSIONAL", school = "吉林大学", major = "临床医学",
            start = "2019-09-01", end = "2024-06-30", diplomaCertNumber = "D-9", degreeCertNumber = "G-9" } },
    };

    /// <summary>
    /// An applicant registered and applied through the API (these tests are about later pages), with an e-mail address
    /// where codes and notifications go; returns the login, the application id and the address.
    /// </summary>
    public static async Task<(string IdNumber, string ApplicationId, string Email)> AppliedAsync(RecruitmentApp app, string name = "周芳",
        object? profile = null, object? choice = null)
    {
        var idNumber = TestIds.NewResidentId();
        var email = $"{Guid.NewGuid():N}@example.cn";
        using (var anonymous = app.Anonymous())
            (await anonymous.PostAsJsonAsync("/api/enrollment/accounts", new { documentNumber = idNumber, password = Password, name, mobile = "13812345678" }))
                .StatusCode.ShouldBe(HttpStatusCode.Created);
        using var me = await app.SignedInAsync(idNumber, Password);
        await (await me.PutAsJsonAsync("/api/auth/me/contact", new { email, mobile = "13812345678" })).ShouldBeSuccessAsync();
        await (await me.PutAsJsonAsync("/api/enrollment/me/profile", profile ?? Profile)).ShouldBeSuccessAsync();
        using (var photo = new ByteArrayContent(TestImages.PadJpeg(TestImages.Jpeg(), 200_000)))
        {
            photo.Headers.ContentType = new("image/jpeg");
            await (await me.PutAsync("/api/enrollment/me/photo", photo)).ShouldBeSuccessAsync();
        }
        var applied = await (await me.PutAsJsonAsync("/api/enrollment/me/application", choice ?? new
        {
            year = 2024,
            baseCode = "B01",
            specialtyCode = "GP",
            category = "INDEPENDENT",
            declaresNoEmployment = true,
            acceptsReallocation = true,
            declaration = true,
        })).JsonAsync();
        return (idNumber, applied.GetProperty("applicationId").GetString().ShouldNotBeNull(), email);
    }

    public static async Task<string> ApplicationIdAsync(RecruitmentApp app, string idNumber)
    {
        using var me = await app.SignedInAsync(idNumber, Password);
        var mine = await (await me.GetAsync("/api/enrollment/me/application")).Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return mine.GetProperty("id").GetString().ShouldNotBeNull();
    }
}
