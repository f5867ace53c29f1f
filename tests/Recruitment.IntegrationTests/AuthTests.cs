namespace Recruitment.IntegrationTests;

[Collection(FoundationCollection.Name)]
public sealed class AuthTests(RecruitmentApp app)
{
    [Fact]
    public async Task Staff_sign_in_and_the_token_carries_role_and_base()
    {
        using var client = await app.SignedInAsync("t-b07");
        var me = await (await client.GetAsync("/api/auth/whoami")).JsonAsync();
        me.GetProperty("role").GetString().ShouldBe("base-admin");
        me.GetProperty("baseCode").GetString().ShouldBe("B07");
    }

    [Fact]
    public async Task Wrong_password_and_unknown_login_get_the_same_401()
    {
        using var client = app.Anonymous();
        var wrong = await client.PostAsJsonAsync("/api/auth/token", new { login = "t-center", password = "Not-the-pass-1" });
        await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var unknown = await client.PostAsJsonAsync("/api/auth/token", new { login = "nobody-here", password = "Not-the-pass-1" });
        await unknown.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Fact]
    public async Task Missing_credentials_are_a_400()
    {
        using var client = app.Anonymous();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { login = "t-center" });
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "auth.credentials_required");
    }

    [Fact]
    public async Task A_forged_token_is_rejected_with_401()
    {
        using var client = app.Anonymous();
        var token = await app.TokenAsync("t-operator");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token[..^4] + "AAAA");
        var response = await client.GetAsync("/api/admin/health");
        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task The_wrong_role_gets_403()
    {
        using var client = await app.SignedInAsync("t-center");
        var response = await client.GetAsync("/api/admin/health");
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task Api_keys_authenticate_jobs_only_for_their_scope_and_stop_working_when_revoked()
    {
        using var operatorClient = await app.SignedInAsync("t-operator");
        var created = await (await operatorClient.PostAsJsonAsync("/api/auth/api-keys", new { name = $"job-{Guid.NewGuid():N}" })).JsonAsync();
        var key = created.GetProperty("key").GetString()!;
        var keyId = created.GetProperty("keyId").GetString()!;

        using var job = app.Anonymous();
        job.DefaultRequestHeaders.Add("X-Api-Key", key);
        var me = await (await job.GetAsync("/api/auth/whoami")).JsonAsync();
        me.GetProperty("role").GetString().ShouldBe("integration-job");
        me.GetProperty("scopes")[0].GetString().ShouldBe("scores:import");

        // A key is no token: staff endpoints refuse it.
        await (await job.GetAsync("/api/admin/health")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");

        (await operatorClient.DeleteAsync($"/api/auth/api-keys/{keyId}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await job.GetAsync("/api/auth/whoami")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Only_operators_and_center_admins_issue_api_keys()
    {
        using var baseAdmin = await app.SignedInAsync("t-b01");
        var response = await baseAdmin.PostAsJsonAsync("/api/auth/api-keys", new { name = "sneaky" });
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        using var center = await app.SignedInAsync("t-center");
        var invalid = await center.PostAsJsonAsync("/api/auth/api-keys", new { name = "" });
        await invalid.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "api_key.name_required");
    }
}
