using OtpNet;

namespace Recruitment.Identity.Tests;

/// <summary>This host requires two-factor sign-in for PHC accounts (IdentityApp); the production default adds center and operators.</summary>
[Collection(IdentityCollection.Name)]
public sealed class TwoFactorTests(IdentityApp app)
{
    private string Code(string secret) => new Totp(Base32Encoding.ToBytes(secret)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);

    [Fact]
    public async Task A_phc_account_sets_up_an_authenticator_then_signs_in_with_its_code_or_a_one_time_recovery_code()
    {
        using var center = await app.SignedInAsync("t-center");
        var login = $"phc-{Guid.NewGuid():N}"[..16];
        var created = await (await center.PostAsJsonAsync("/api/identity/staff", new { login, displayName = "卫健委", role = "phc-admin" })).JsonAsync();
        using var anonymous = app.Anonymous();
        (await anonymous.PostAsJsonAsync("/api/auth/password", new
        {
            login,
            currentPassword = created.GetProperty("temporaryPassword").GetString(),
            newPassword = "Phc-chosen-2024",
        })).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await app.SignInAsync(login, "Phc-chosen-2024")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.two_factor_setup_required");
        var setup = await (await anonymous.PostAsJsonAsync("/api/auth/two-factor/setup", new { login, password = "Phc-chosen-2024" })).JsonAsync();
        var secret = setup.GetProperty("secret").GetString()!;
        setup.GetProperty("otpauthUri").GetString()!.ShouldStartWith("otpauth://totp/");

        await (await anonymous.PostAsJsonAsync("/api/auth/two-factor/confirm", new { login, password = "Phc-chosen-2024", otp = "000000" == Code(secret) ? "111111" : "000000" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "two_factor.invalid_code");
        var enabled = await (await anonymous.PostAsJsonAsync("/api/auth/two-factor/confirm", new { login, password = "Phc-chosen-2024", otp = Code(secret) })).JsonAsync();
        var recovery = enabled.GetProperty("recoveryCodes").EnumerateArray().Select(c => c.GetString()!).ToList();
        recovery.Count.ShouldBe(10);

        await (await app.SignInAsync(login, "Phc-chosen-2024")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.two_factor_required");
        await (await app.SignInAsync(login, "Phc-chosen-2024", otp: Code(secret) == "123456" ? "654321" : "123456"))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_two_factor_code");
        await (await app.SignInAsync(login, "Phc-chosen-2024", otp: Code(secret))).ShouldBeSuccessAsync();
        await (await app.SignInAsync(login, "Phc-chosen-2024", recoveryCode: recovery[0])).ShouldBeSuccessAsync();
        await (await app.SignInAsync(login, "Phc-chosen-2024", recoveryCode: recovery[0]))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_two_factor_code");

        var view = await (await center.GetAsync($"/api/identity/staff/{created.GetProperty("account").GetProperty("id").GetGuid()}")).JsonAsync();
        view.GetProperty("twoFactorEnabled").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_wrong_password_never_reaches_two_factor_set_up()
    {
        using var anonymous = app.Anonymous();
        await (await anonymous.PostAsJsonAsync("/api/auth/two-factor/setup", new { login = "t-center", password = "Wrong-pass-1" }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }
}
