using System.Text.RegularExpressions;

namespace Recruitment.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed partial class ResetTests(IdentityApp app)
{
    [GeneratedRegex(@"\b(\d{6})\b")]
    private static partial Regex SixDigits();

    private async Task<string> ApplicantWithEmailAsync(string email)
    {
        var login = await app.NewApplicantAsync();
        using var client = await app.SignedInAsync(login, IdentityApp.ApplicantPassword);
        (await client.PutAsJsonAsync("/api/auth/me/contact", new { email, mobile = "13912345678" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return login;
    }

    private async Task<string> CodeMailedToAsync(string email, int count = 1)
    {
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(app.Smtp.To(email).Count >= count), $"reset code mail to {email}");
        var mail = app.Smtp.To(email)[count - 1];
        mail.Subject!.ShouldContain("密码重置验证码");
        return SixDigits().Match(mail.TextBody!).Groups[1].Value;
    }

    private static object Confirm(string login, string code, string newPassword) => new { login, code, newPassword };

    [Fact]
    public async Task An_applicant_resets_a_forgotten_password_with_a_code_from_the_mail_server_and_signs_in()
    {
        var email = $"{Guid.NewGuid():N}@example.cn";
        var login = await ApplicantWithEmailAsync(email);
        var session = await app.TokensAsync(login, IdentityApp.ApplicantPassword);

        using var anonymous = app.Anonymous();
        var requested = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { login });
        requested.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var code = await CodeMailedToAsync(email);
        app.Smtp.To(email)[0].TextBody!.ShouldNotContain(login, customMessage: "no ID number in any message");

        (await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", Confirm(login, code, "Reset-pass-2025")))
            .StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await app.SignInAsync(login, "Reset-pass-2025")).ShouldBeSuccessAsync();
        await (await app.SignInAsync(login, IdentityApp.ApplicantPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        // The old sessions ended, and the code works once.
        await (await app.RefreshAsync(session.GetProperty("refreshToken").GetString()!))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        await (await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", Confirm(login, code, "Again-pass-2025")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.invalid_reset_code");
    }

    [Fact]
    public async Task An_unknown_login_gets_the_same_answer_and_no_mail()
    {
        using var anonymous = app.Anonymous();
        var known = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { login = await ApplicantWithEmailAsync($"{Guid.NewGuid():N}@example.cn") });
        var unknown = await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { login = TestIds.NewResidentId() });
        unknown.StatusCode.ShouldBe(known.StatusCode);
        (await unknown.Content.ReadAsStringAsync()).ShouldBe(await known.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Wrong_and_expired_codes_are_refused_and_change_nothing_and_five_wrong_tries_use_the_code_up()
    {
        var email = $"{Guid.NewGuid():N}@example.cn";
        var login = await ApplicantWithEmailAsync(email);
        using var anonymous = app.Anonymous();
        await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { login });
        var code = await CodeMailedToAsync(email);
        var wrong = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++)
            await (await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", Confirm(login, wrong, "Reset-pass-2025")))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.invalid_reset_code");
        await (await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", Confirm(login, code, "Reset-pass-2025")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.invalid_reset_code");
        await (await app.SignInAsync(login, IdentityApp.ApplicantPassword)).ShouldBeSuccessAsync();

        await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { login });
        var second = await CodeMailedToAsync(email, 2);
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        try
        {
            await (await anonymous.PostAsJsonAsync("/api/auth/password-reset/confirm", Confirm(login, second, "Reset-pass-2025")))
                .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.invalid_reset_code");
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(-11));
        }
        await (await app.SignInAsync(login, IdentityApp.ApplicantPassword)).ShouldBeSuccessAsync();
    }

    [Fact]
    public async Task Codes_are_limited_per_account()
    {
        var email = $"{Guid.NewGuid():N}@example.cn";
        var login = await ApplicantWithEmailAsync(email);
        using var anonymous = app.Anonymous();
        for (var i = 0; i < 5; i++)
            (await anonymous.PostAsJsonAsync("/api/auth/password-reset", new { login })).StatusCode.ShouldBe(HttpStatusCode.Accepted);
        await CodeMailedToAsync(email, 3);
        await Task.Delay(1000);
        app.Smtp.To(email).Count.ShouldBe(3);
    }
}
