namespace Recruitment.IntegrationTests;

/// <summary>Moves the clock, so it has a host of its own.</summary>
public sealed class ExpiryTests : IClassFixture<RecruitmentApp>
{
    private readonly RecruitmentApp _app;

    public ExpiryTests(RecruitmentApp app) => _app = app;

    [Fact]
    public async Task An_expired_token_is_rejected_with_401()
    {
        using var client = await _app.SignedInAsync("t-operator");
        (await client.GetAsync("/api/admin/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        _app.Clock.Advance(TimeSpan.FromMinutes(61));
        await (await client.GetAsync("/api/admin/health")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }
}
