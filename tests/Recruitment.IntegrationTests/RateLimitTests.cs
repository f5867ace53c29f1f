namespace Recruitment.IntegrationTests;

/// <summary>A host whose login limit is low enough to hit.</summary>
public sealed class LowRateLimitApp : RecruitmentApp
{
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["RateLimiting:AuthenticationPermitsPerMinute"] = "5";
        return settings;
    }
}

public sealed class RateLimitTests(LowRateLimitApp app) : IClassFixture<LowRateLimitApp>
{
    [Fact]
    public async Task Password_guessing_is_cut_off_with_429()
    {
        using var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
            await (await client.PostAsJsonAsync("/api/auth/token", new { login = "t-center", password = $"Guess-{i}-pass" }))
                .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await (await client.PostAsJsonAsync("/api/auth/token", new { login = "t-center", password = RecruitmentApp.StaffPassword }))
            .ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "request.rate_limited");
    }
}
