namespace Recruitment.Identity.Tests;

[Collection(IdentityCollection.Name)]
public sealed class SignInTests(IdentityApp app)
{
    [Fact]
    public async Task An_unknown_login_costs_one_password_hash_check_like_a_wrong_password()
    {
        var login = await app.NewApplicantAsync();

        var before = app.Hasher.Verifications;
        (await app.SignInAsync(login, "Wrong-pass-1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var wrongPassword = app.Hasher.Verifications - before;

        before = app.Hasher.Verifications;
        var unknown = await app.SignInAsync(TestIds.NewResidentId(), "Wrong-pass-1");
        await unknown.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var unknownLogin = app.Hasher.Verifications - before;

        wrongPassword.ShouldBe(1);
        unknownLogin.ShouldBe(wrongPassword);
    }

    [Fact]
    public async Task Ten_failures_lock_the_login_for_fifteen_minutes_even_for_the_right_password_and_the_holder_is_told_why()
    {
        var login = await app.NewApplicantAsync();
        for (var i = 1; i < 10; i++)
            await (await app.SignInAsync(login, $"Wrong-pass-{i}")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var tenth = await (await app.SignInAsync(login, "Wrong-pass-10")).ShouldBeProblemAsync(HttpStatusCode.Locked, "auth.account_locked");
        var until = tenth.GetProperty("lockedUntil").GetDateTimeOffset();
        (until - app.Clock.GetUtcNow()).ShouldBe(TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(5));

        // Locked: the right password is refused too, without checking it.
        var before = app.Hasher.Verifications;
        await (await app.SignInAsync(login, IdentityApp.ApplicantPassword)).ShouldBeProblemAsync(HttpStatusCode.Locked, "auth.account_locked");
        app.Hasher.Verifications.ShouldBe(before);

        app.Clock.Advance(TimeSpan.FromMinutes(16));
        try
        {
            await (await app.SignInAsync(login, IdentityApp.ApplicantPassword)).ShouldBeSuccessAsync();
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromMinutes(-16));
        }
    }

    [Fact]
    public async Task An_unknown_login_locks_the_same_way_so_a_lock_reveals_nothing()
    {
        var login = TestIds.NewResidentId();
        for (var i = 1; i < 10; i++) (await app.SignInAsync(login, "Wrong-pass-1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await app.SignInAsync(login, "Wrong-pass-1")).ShouldBeProblemAsync(HttpStatusCode.Locked, "auth.account_locked");
    }

    [Fact]
    public async Task A_success_clears_the_failure_count()
    {
        var login = await app.NewApplicantAsync();
        for (var i = 0; i < 9; i++) (await app.SignInAsync(login, "Wrong-pass-1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await app.SignInAsync(login, IdentityApp.ApplicantPassword)).ShouldBeSuccessAsync();
        for (var i = 0; i < 9; i++) (await app.SignInAsync(login, "Wrong-pass-1")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        await (await app.SignInAsync(login, IdentityApp.ApplicantPassword)).ShouldBeSuccessAsync();
    }

    [Fact]
    public async Task Sign_in_answers_a_refresh_token_in_the_body_and_in_a_strict_http_only_cookie_for_the_refresh_route_only()
    {
        var login = await app.NewApplicantAsync();
        var response = await app.SignInAsync(login, IdentityApp.ApplicantPassword);
        var body = await response.JsonAsync();
        body.GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();
        var refresh = body.GetProperty("refreshToken").GetString()!;
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("recruitment_refresh=", StringComparison.Ordinal));
        cookie.ShouldContain(refresh);
        cookie.ShouldContain("httponly", Case.Insensitive);
        cookie.ShouldContain("secure", Case.Insensitive);
        cookie.ShouldContain("samesite=strict", Case.Insensitive);
        cookie.ShouldContain("path=/api/auth/refresh", Case.Insensitive);
    }

    [Fact]
    public async Task The_cookie_alone_refreshes_a_browser_session()
    {
        var login = await app.NewApplicantAsync();
        var tokens = await app.TokensAsync(login, IdentityApp.ApplicantPassword);
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/auth/refresh");
        request.Headers.Add("Cookie", $"recruitment_refresh={tokens.GetProperty("refreshToken").GetString()}");
        var refreshed = await (await client.SendAsync(request)).JsonAsync();
        refreshed.GetProperty("accessToken").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task A_refresh_rotates_the_token_and_a_reused_one_ends_the_whole_session()
    {
        var login = await app.NewApplicantAsync();
        var first = (await app.TokensAsync(login, IdentityApp.ApplicantPassword)).GetProperty("refreshToken").GetString()!;

        var second = await (await app.RefreshAsync(first)).JsonAsync();
        var secondToken = second.GetProperty("refreshToken").GetString()!;
        secondToken.ShouldNotBe(first);
        using (var client = app.Anonymous())
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", second.GetProperty("accessToken").GetString());
            await (await client.GetAsync("/api/auth/whoami")).ShouldBeSuccessAsync();
        }

        await (await app.RefreshAsync(first)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.refresh_token_reused");
        // The thief's or the owner's newer token is gone with the family.
        await (await app.RefreshAsync(secondToken)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        // Another session of the same account is untouched.
        var other = (await app.TokensAsync(login, IdentityApp.ApplicantPassword)).GetProperty("refreshToken").GetString()!;
        await (await app.RefreshAsync(other)).ShouldBeSuccessAsync();
    }

    [Fact]
    public async Task Malformed_forged_and_expired_refresh_tokens_are_refused()
    {
        await (await app.RefreshAsync("nonsense")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        await (await app.RefreshAsync($"rt_{Guid.NewGuid():N}_abc")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        var login = await app.NewApplicantAsync();
        var token = (await app.TokensAsync(login, IdentityApp.ApplicantPassword)).GetProperty("refreshToken").GetString()!;
        var forged = token[..^1] + (token[^1] == '0' ? '1' : '0');
        await (await app.RefreshAsync(forged)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");

        app.Clock.Advance(TimeSpan.FromDays(8));
        try
        {
            await (await app.RefreshAsync(token)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        }
        finally
        {
            app.Clock.Advance(TimeSpan.FromDays(-8));
        }
        // The forged attempt changed nothing: the real token still works.
        await (await app.RefreshAsync(token)).ShouldBeSuccessAsync();
    }

    [Fact]
    public async Task Sign_out_revokes_the_session_by_refresh_token_or_by_access_token()
    {
        var login = await app.NewApplicantAsync();
        var byRefresh = await app.TokensAsync(login, IdentityApp.ApplicantPassword);
        using var client = app.Anonymous();
        var signOut = await client.PostAsJsonAsync("/api/auth/sign-out", new { refreshToken = byRefresh.GetProperty("refreshToken").GetString() });
        signOut.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        signOut.Headers.GetValues("Set-Cookie").ShouldContain(c => c.StartsWith("recruitment_refresh=;", StringComparison.Ordinal));
        await (await app.RefreshAsync(byRefresh.GetProperty("refreshToken").GetString()!))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");

        var byAccess = await app.TokensAsync(login, IdentityApp.ApplicantPassword);
        using var signedIn = app.Anonymous();
        signedIn.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", byAccess.GetProperty("accessToken").GetString());
        (await signedIn.PostAsync("/api/auth/sign-out", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await app.RefreshAsync(byAccess.GetProperty("refreshToken").GetString()!))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
    }

    [Fact]
    public async Task Changing_the_password_needs_the_old_one_and_ends_every_session()
    {
        var login = await app.NewApplicantAsync();
        var tokens = await app.TokensAsync(login, IdentityApp.ApplicantPassword);
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.GetProperty("accessToken").GetString());

        var wrong = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = "Not-mine-1", newPassword = "Brand-new-2025" });
        await wrong.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        var weak = await client.PostAsJsonAsync("/api/auth/password", new { currentPassword = IdentityApp.ApplicantPassword, newPassword = "short" });
        await weak.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "account.weak_password");
        // Nothing changed by the refusals.
        await (await app.RefreshAsync(tokens.GetProperty("refreshToken").GetString()!)).ShouldBeSuccessAsync();
        var live = await app.TokensAsync(login, IdentityApp.ApplicantPassword);

        var changed = await client.PostAsJsonAsync("/api/auth/password",
            new { currentPassword = IdentityApp.ApplicantPassword, newPassword = "Brand-new-2025" });
        changed.StatusCode.ShouldBe(HttpStatusCode.NoContent);

        await (await app.RefreshAsync(live.GetProperty("refreshToken").GetString()!))
            .ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_refresh_token");
        await (await app.SignInAsync(login, IdentityApp.ApplicantPassword)).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.invalid_credentials");
        await (await app.SignInAsync(login, "Brand-new-2025")).ShouldBeSuccessAsync();
    }
}
