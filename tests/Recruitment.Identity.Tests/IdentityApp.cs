using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Recruitment.Identity.Domain;

namespace Recruitment.Identity.Tests;

/// <summary>
/// The account tests' host: counts password-hash checks (to prove equal-time sign-in without timing anything) and
/// requires two-factor sign-in for PHC accounts (the fixtures' PHC account is not used here).
/// </summary>
public sealed class IdentityApp : RecruitmentApp
{
    public CountingHasher Hasher { get; } = new();
    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["Auth:TwoFactor:RequiredRoles:0"] = "phc-admin";
        foreach (var (key, value) in Smtp.HostSettings()) settings[key] = value;
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<IPasswordHasher<Account>>();
            services.AddSingleton<IPasswordHasher<Account>>(Hasher);
        });
    }

    public sealed class CountingHasher : IPasswordHasher<Account>
    {
        private readonly PasswordHasher<Account> _inner = new();
        private long _verifications;

        public long Verifications => Interlocked.Read(ref _verifications);

        public string HashPassword(Account user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    public const string ApplicantPassword = "Applicant-2024";

    /// <summary>Registers a fresh recruitment applicant; returns the login (the ID number).</summary>
    public async Task<string> NewApplicantAsync()
    {
        var id = TestIds.NewResidentId();
        using var anonymous = Anonymous();
        var response = await anonymous.PostAsJsonAsync("/api/enrollment/accounts",
            new { documentNumber = id, password = ApplicantPassword, name = "王五", mobile = "13912345678" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return id;
    }

    public async Task<HttpResponseMessage> SignInAsync(string login, string password, string? otp = null, string? recoveryCode = null)
    {
        using var client = Anonymous();
        return await client.PostAsJsonAsync("/api/auth/token", new { login, password, otp, recoveryCode });
    }

    public async Task<JsonElement> TokensAsync(string login, string password) => await (await SignInAsync(login, password)).JsonAsync();

    public async Task<HttpResponseMessage> RefreshAsync(string refreshToken)
    {
        using var client = Anonymous();
        return await client.PostAsJsonAsync("/api/auth/refresh", new { refreshToken });
    }
}

[CollectionDefinition(Name)]
public sealed class IdentityCollection : ICollectionFixture<IdentityApp>
{
    public const string Name = "identity";
}
