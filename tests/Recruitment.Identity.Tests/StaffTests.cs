namespace Recruitment.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class StaffTests(IdentityApp app)
{
    private static string NewLogin(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..20];

    private static async Task<(JsonElement Account, string Password)> CreateAsync(HttpClient admin, string role, string? baseCode = null,
        string? login = null)
    {
        var response = await admin.PostAsJsonAsync("/api/identity/staff",
            new { login = login ?? NewLogin("s"), displayName = "新同事", role, baseCode, email = "staff@example.cn" });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("account"), body.GetProperty("temporaryPassword").GetString()!);
    }

    /// <summary>Replaces the temporary password as a first sign-in must, and signs in.</summary>
    private async Task<JsonElement> FirstSignInAsync(string login, string temporary, string chosen = "Chosen-pass-2024")
    {
        using var client = app.Anonymous();
        var changed = await client.PostAsJsonAsync("/api/auth/password", new { login, currentPassword = temporary, newPassword = chosen });
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        return await app.TokensAsync(login, chosen);
    }

    [Fact]
    public async Task The_center_creates_a_base_admin_whose_temporary_password_must_be_changed_before_signing_in()
    {
        using var center = await app.SignedInAsync("t-center");
        var login = NewLogin("b03");
        var (account, temporary) = await CreateAsync(center, "base-admin", "b03", login);
        account.GetProperty("baseCode").GetString().ShouldBe("B03");
        account.GetProperty("mustChangePassword").GetBoolean().ShouldBeTrue();

        await (await app.SignInAsync(login, temporary)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.password_change_required");
        var tokens = await FirstSignInAsync(login, temporary);
        using var staff = app.Anonymous();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        var me = await (await staff.GetAsync("/api/auth/whoami")).JsonAsync();
        me.GetProperty("role").GetString().ShouldBe("base-admin");
        me.GetProperty("baseCode").GetString().ShouldBe("B03");
    }

    [Fact]
    public async Task A_base_admin_creating_a_center_account_is_refused_and_nothing_is_created()
    {
        using var baseAdmin = await app.SignedInAsync("t-b01");
        var login = NewLogin("evil");
        var response = await baseAdmin.PostAsJsonAsync("/api/identity/staff", new { login, displayName = "x", role = "center-admin" });
        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await app.SignInAsync(login, "Whatever-1")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
    }

    [Fact]
    public async Task Only_operators_manage_operator_accounts()
    {
        using var center = await app.SignedInAsync("t-center");
        var refused = await center.PostAsJsonAsync("/api/identity/staff", new { login = NewLogin("op"), displayName = "x", role = "operator" });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "staff.role_not_allowed");

        using var op = await app.SignedInAsync("t-operator");
        var (account, _) = await CreateAsync(op, "operator");
        var disable = await center.PostAsync($"/api/identity/staff/{account.GetProperty("id").GetGuid()}/disable", null);
        await disable.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "staff.role_not_allowed");
    }

    [Fact]
    public async Task Bad_staff_input_is_refused_with_a_clear_code()
    {
        using var center = await app.SignedInAsync("t-center");
        await (await center.PostAsJsonAsync("/api/identity/staff", new { login = NewLogin("b"), displayName = "x", role = "base-admin" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "staff.base_required");
        await (await center.PostAsJsonAsync("/api/identity/staff", new { login = NewLogin("b"), displayName = "x", role = "applicant" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "staff.invalid_role");
        await (await center.PostAsJsonAsync("/api/identity/staff", new { login = "a b", displayName = "x", role = "phc-admin" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "staff.invalid_login");
        await (await center.PostAsJsonAsync("/api/identity/staff", new { login = "t-center", displayName = "x", role = "phc-admin" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "account.exists");
        await (await center.PostAsJsonAsync("/api/identity/staff",
                new { login = NewLogin("p"), displayName = "x", role = "phc-admin", email = "not-an-address" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "account.invalid_email");
    }

    [Fact]
    public async Task A_disabled_base_admin_cannot_refresh_sign_in_or_use_a_live_access_token_and_re_enabling_restores_sign_in()
    {
        using var center = await app.SignedInAsync("t-center");
        var login = NewLogin("b07");
        var (account, temporary) = await CreateAsync(center, "base-admin", "B07", login);
        var id = account.GetProperty("id").GetGuid();
        var tokens = await FirstSignInAsync(login, temporary);
        using var staff = app.Anonymous();
        staff.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        await (await staff.GetAsync("/api/auth/whoami")).ShouldBeSuccessAsync();

        var disabled = await (await center.PostAsJsonAsync($"/api/identity/staff/{id}/disable", new { reason = "left the base" })).JsonAsync();
        disabled.GetProperty("disabled").GetBoolean().ShouldBeTrue();

        await (await app.RefreshAsync(tokens.GetProperty("refreshToken").GetString()!))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        await (await staff.GetAsync("/api/auth/whoami")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        await (await app.SignInAsync(login, "Chosen-pass-2024")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.account_disabled");

        (await center.PostAsync($"/api/identity/staff/{id}/enable", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await app.SignInAsync(login, "Chosen-pass-2024")).ShouldBeSuccessAsync();

        var audit = await (await center.GetAsync($"/api/identity/staff/{id}/audit")).JsonAsync();
        audit.EnumerateArray().Select(e => e.GetProperty("action").GetString()).ShouldBe(["created", "disabled", "enabled"]);
        audit[1].GetProperty("detail").GetString().ShouldBe("left the base");
        audit[1].GetProperty("actor").GetString()!.ShouldStartWith("center-admin:");
    }

    [Fact]
    public async Task A_base_admin_disabled_on_one_node_is_refused_on_another_within_the_access_token_lifetime()
    {
        await using var second = RecruitmentApp.On(app.Database, app.SigningKey);
        await second.InitializeAsync();
        second.Clock.Set(app.Clock.GetUtcNow());
        using var center = await app.SignedInAsync("t-center");
        var login = NewLogin("b02");
        var (account, temporary) = await CreateAsync(center, "base-admin", "B02", login);
        var tokens = await FirstSignInAsync(login, temporary);
        using var onSecond = second.Anonymous();
        onSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());
        await (await onSecond.GetAsync("/api/auth/whoami")).ShouldBeSuccessAsync();

        await (await center.PostAsJsonAsync($"/api/identity/staff/{account.GetProperty("id").GetGuid()}/disable", new { reason = "left the base" }))
            .ShouldBeSuccessAsync();

        // The refresh token is refused on the second node at once; the live access token once that node's account
        // status cache (Auth:AccountStatusCacheSeconds, 30 s) has lapsed, long before the token itself expires.
        using var anonymous = second.Anonymous();
        await (await anonymous.PostAsJsonAsync("/api/auth/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() }))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        second.Clock.Advance(TimeSpan.FromSeconds(31));
        await (await onSecond.GetAsync("/api/auth/whoami")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
    }

    [Fact]
    public async Task Staff_are_listed_and_searched_and_edits_are_audited()
    {
        using var center = await app.SignedInAsync("t-center");
        var login = NewLogin("find");
        var (account, _) = await CreateAsync(center, "fellowship-admin", login: login);
        var id = account.GetProperty("id").GetGuid();

        var found = await (await center.GetAsync($"/api/identity/staff?search={login.ToUpperInvariant()}")).JsonAsync();
        found.GetProperty("total").GetInt32().ShouldBe(1);
        found.GetProperty("items")[0].GetProperty("login").GetString().ShouldBe(login.ToLowerInvariant());
        var bases = await (await center.GetAsync("/api/identity/staff?role=base-admin&baseCode=b07&pageSize=100")).JsonAsync();
        bases.GetProperty("items").EnumerateArray().ShouldAllBe(i => i.GetProperty("baseCode").GetString() == "B07");

        var edited = await (await center.PutAsJsonAsync($"/api/identity/staff/{id}",
            new { displayName = "改名", role = "base-admin", baseCode = "B02", mobile = "13800001111" })).JsonAsync();
        edited.GetProperty("role").GetString().ShouldBe("base-admin");
        edited.GetProperty("baseCode").GetString().ShouldBe("B02");
        var audit = await (await center.GetAsync($"/api/identity/staff/{id}/audit")).JsonAsync();
        audit[1].GetProperty("action").GetString().ShouldBe("edited");
        audit[1].GetProperty("detail").GetString()!.ShouldContain("role=fellowship-admin -> role=base-admin base=B02");
        audit[1].GetProperty("detail").GetString()!.ShouldNotContain("13800001111");
    }

    [Fact]
    public async Task Nobody_disables_their_own_account()
    {
        using var center = await app.SignedInAsync("t-center");
        var me = await (await center.GetAsync("/api/auth/whoami")).JsonAsync();
        var response = await center.PostAsync($"/api/identity/staff/{me.GetProperty("subject").GetString()}/disable", null);
        await response.ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "staff.cannot_disable_self");
    }
}
