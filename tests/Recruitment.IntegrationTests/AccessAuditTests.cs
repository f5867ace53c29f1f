using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.TestHost;
using Recruitment.AccessAudit;

namespace Recruitment.IntegrationTests;

[CollectionDefinition(Name)]
public sealed class AccessAuditCollection : ICollectionFixture<AccessAuditApp>
{
    public const string Name = "access-audit";
}

/// <summary>The test host, whose in-memory requests come from a known client address as real ones would.</summary>
public sealed class AccessAuditApp : RecruitmentApp
{
    public const string ClientAddress = "203.0.113.7";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ClientAddressFilter>());
    }

    private sealed class ClientAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(ClientAddress);
                return following(context);
            });
            next(app);
        };
    }
}

/// <summary>
/// The access audit (PIPL) through HTTP: a base admin's reads and changes of an applicant's data are recorded with
/// who, when, what and from where; the center finds them by applicant, by staff member and by date; the applicant
/// sees who at which base viewed their application; nobody else reads the audit; records are append-only and
/// expire after the retention period.
/// </summary>
[Collection(AccessAuditCollection.Name)]
public sealed class AccessAuditTests(AccessAuditApp app)
{
    private const string Password = "Applicant-2024";

    [Fact]
    public async Task A_base_admins_view_is_found_by_the_center_and_shown_to_the_applicant()
    {
        var (applicant, applicantId, applicationId) = await ApplyAsync();
        using var b01 = await app.SignedInAsync("t-b01");
        var b01Id = Guid.Parse((await (await b01.GetAsync("/api/auth/whoami")).JsonAsync()).GetProperty("subject").GetString()!);

        await (await b01.GetAsync($"/api/enrollment/applications/{applicationId}")).ShouldBeSuccessAsync();
        await (await b01.GetAsync($"/api/enrollment/applications/{applicationId}/photo")).ShouldBeSuccessAsync();
        await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{applicationId}/review",
            new { decision = "APPROVE", identityVerified = true })).ShouldBeSuccessAsync();
        // A refused read shows nothing and records nothing.
        using (var b02 = await app.SignedInAsync("t-b02"))
            await (await b02.GetAsync($"/api/enrollment/applications/{applicationId}")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        // The applicant's own reads are not staff accesses.
        await (await applicant.GetAsync("/api/enrollment/me/application")).ShouldBeSuccessAsync();

        using var center = await app.SignedInAsync("t-center");
        var byApplicant = await (await center.GetAsync($"/api/access-audit/records?applicantId={applicantId}")).JsonAsync();
        byApplicant.GetProperty("total").GetInt64().ShouldBe(3);
        var items = byApplicant.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("what").GetString()).ShouldBe(
            ["POST /api/enrollment/applications/{applicationId:guid}/review", "applicant photo", "application detail"], ignoreOrder: true);
        var view = items.Single(i => i.GetProperty("what").GetString() == "application detail");
        view.GetProperty("action").GetString().ShouldBe("READ");
        view.GetProperty("staffId").GetGuid().ShouldBe(b01Id);
        view.GetProperty("staffRole").GetString().ShouldBe("base-admin");
        view.GetProperty("staffBaseCode").GetString().ShouldBe("B01");
        view.GetProperty("subjectId").GetGuid().ShouldBe(applicationId);
        view.GetProperty("subjectBaseCode").GetString().ShouldBe("B01");
        view.GetProperty("path").GetString().ShouldBe($"/api/enrollment/applications/{applicationId}");
        view.GetProperty("address").GetString().ShouldBe(AccessAuditApp.ClientAddress);
        view.GetProperty("at").GetDateTimeOffset().ShouldBe(app.Clock.GetUtcNow());
        items.Single(i => i.GetProperty("action").GetString() == "CHANGE").GetProperty("staffId").GetGuid().ShouldBe(b01Id);

        // By staff member and by date (China dates, both ends included), paged.
        var byStaff = await (await center.GetAsync($"/api/access-audit/records?staffId={b01Id}&from=2024-06-20&to=2024-06-20&pageSize=1")).JsonAsync();
        byStaff.GetProperty("total").GetInt64().ShouldBeGreaterThanOrEqualTo(3);
        byStaff.GetProperty("items").GetArrayLength().ShouldBe(1);
        (await (await center.GetAsync($"/api/access-audit/records?applicantId={applicantId}&from=2024-06-21")).JsonAsync())
            .GetProperty("total").GetInt64().ShouldBe(0);
        (await (await center.GetAsync($"/api/access-audit/records?subjectId={applicationId}&action=READ")).JsonAsync())
            .GetProperty("total").GetInt64().ShouldBe(2);

        // The applicant sees who at which base viewed their application, without the staff member's address or account.
        var mine = await (await applicant.GetAsync("/api/access-audit/me/access-log")).JsonAsync();
        mine.GetProperty("total").GetInt64().ShouldBe(3);
        var seen = mine.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("what").GetString() == "application detail");
        seen.GetProperty("staffBaseCode").GetString().ShouldBe("B01");
        seen.GetProperty("staffRole").GetString().ShouldBe("base-admin");
        seen.TryGetProperty("address", out _).ShouldBeFalse();
        seen.TryGetProperty("staffId", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("t-b01")]
    [InlineData("t-phc")]
    [InlineData("t-operator")]
    [InlineData("t-fellowship")]
    public async Task Staff_other_than_the_center_cannot_read_the_audit(string login)
    {
        using var staff = await app.SignedInAsync(login);
        await (await staff.GetAsync("/api/access-audit/records")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        await (await staff.GetAsync("/api/access-audit/me/access-log")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
    }

    [Fact]
    public async Task An_applicant_cannot_read_the_centers_audit_and_bad_filters_are_refused()
    {
        var (applicant, _, _) = await ApplyAsync();
        await (await applicant.GetAsync("/api/access-audit/records")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "auth.forbidden");
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync("/api/access-audit/me/access-log")).ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");

        using var center = await app.SignedInAsync("t-center");
        await (await center.GetAsync("/api/access-audit/records?from=2024-06-21&to=2024-06-20"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "audit.invalid_period");
        await (await center.GetAsync("/api/access-audit/records?action=DELETE"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_filter");
        await (await center.GetAsync("/api/access-audit/records?pageSize=1000"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_paging");
    }

    [Fact]
    public async Task Records_are_append_only_and_expire_after_the_retention_period()
    {
        var (_, applicantId, applicationId) = await ApplyAsync();
        using (var b01 = await app.SignedInAsync("t-b01"))
            await (await b01.GetAsync($"/api/enrollment/applications/{applicationId}")).ShouldBeSuccessAsync();

        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var update = new NpgsqlCommand(
                "update access_audit.mt_doc_accessrecord set data = jsonb_set(data, '{StaffRole}', '\"center-admin\"')", connection);
            (await Should.ThrowAsync<PostgresException>(() => update.ExecuteNonQueryAsync())).MessageText.ShouldContain("append-only");
        }

        async Task<long> CountAsync()
        {
            // Signed in at the clock's time: a token from before a jump of years has expired.
            using var center = await app.SignedInAsync("t-center");
            return (await (await center.GetAsync($"/api/access-audit/records?applicantId={applicantId}")).JsonAsync()).GetProperty("total").GetInt64();
        }
        (await CountAsync()).ShouldBe(1);

        var retention = app.Service<AccessAuditRetention>();
        (await retention.PurgeAsync(CancellationToken.None)).ShouldBe(0);
        var recorded = app.Clock.GetUtcNow();
        try
        {
            app.Clock.Set(recorded + TimeSpan.FromDays(1095) - TimeSpan.FromMinutes(1));
            await retention.PurgeAsync(CancellationToken.None);
            (await CountAsync()).ShouldBe(1, "still inside the default retention of 1095 days");
            app.Clock.Set(recorded + TimeSpan.FromDays(1095) + TimeSpan.FromMinutes(1));
            (await retention.PurgeAsync(CancellationToken.None)).ShouldBeGreaterThanOrEqualTo(1);
            app.Clock.Set(recorded);
            (await CountAsync()).ShouldBe(0);
        }
        finally
        {
            app.Clock.Set(recorded);
        }
    }

    [Fact]
    public void Every_audited_route_pattern_is_a_mapped_get_route()
    {
        var mapped = app.Service<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => e.RoutePattern.RawText).ToHashSet();
        AuditedRoutes.PersonalDataReads.Keys.Where(p => !mapped.Contains(p)).ShouldBeEmpty("audited routes that no longer exist");
    }

    /// <summary>A fresh applicant with a submitted application to B01, inside the 2024 registration window.</summary>
    private async Task<(HttpClient Applicant, Guid ApplicantId, Guid ApplicationId)> ApplyAsync()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var idNumber = TestIds.NewResidentId();
        using (var anonymous = app.Anonymous())
            (await anonymous.PostAsJsonAsync("/api/enrollment/accounts",
                new { documentNumber = idNumber, password = Password, name = "孙八", mobile = "13812349999" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var applicant = await app.SignedInAsync(idNumber, Password);
        await (await applicant.PutAsJsonAsync("/api/enrollment/me/profile", Profile)).ShouldBeSuccessAsync();
        using (var photo = new ByteArrayContent(TestImages.PadJpeg(TestImages.Jpeg(), 200_000)))
        {
            photo.Headers.ContentType = new("image/jpeg");
            await (await applicant.PutAsync("/api/enrollment/me/photo", photo)).ShouldBeSuccessAsync();
        }
        var applicationId = (await (await applicant.PutAsJsonAsync("/api/enrollment/me/application", TestApplications.Independent())).JsonAsync())
            .GetProperty("applicationId").GetGuid();
        var applicantId = Guid.Parse((await (await applicant.GetAsync("/api/auth/whoami")).JsonAsync()).GetProperty("subject").GetString()!);
        return (applicant, applicantId, applicationId);
    }

    private static readonly object Profile = new
    {
        basic = new { gender = "FEMALE", birthDate = "1998-03-02", ethnicity = "Han", email = "s8@example.cn", address = "Changchun, Jilin" },
        certificates = Array.Empty<object>(),
        education = new[]
        {
            new { level = "BACHELOR", mode = "FULL_TIME", degreeType = "PROFESSIONAL", school = "Jilin University", major = "Clinical Medicine",
                start = "2019-09-01", end = "2024-06-30", diplomaCertNumber = "D-1", degreeCertNumber = "G-1" },
        },
    };
}
