using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Recruitment.Host.Hosting;

namespace Recruitment.IntegrationTests;

/// <summary>Security headers on every response, the CSP on HTML, HSTS over HTTPS, and CORS only for configured origins.</summary>
[Collection(FoundationCollection.Name)]
public sealed class SecurityHeaderTests(RecruitmentApp app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/api/enrollment/cycles")]
    [InlineData("/api/no/such/route")]
    [InlineData("/api/enrollment/me/profile")]
    public async Task Every_response_carries_the_security_headers_and_no_cross_origin_grant_by_default(string path)
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Origin", "https://evil.example" } } };
        var response = await client.SendAsync(request);
        response.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);
        response.Headers.GetValues("Referrer-Policy").ShouldBe(["no-referrer"]);
        response.Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse("plain HTTP never gets HSTS");

        using var preflight = new HttpRequestMessage(HttpMethod.Options, path)
        {
            Headers = { { "Origin", "https://evil.example" }, { "Access-Control-Request-Method", "PUT" } },
        };
        (await client.SendAsync(preflight)).Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public async Task Html_gets_the_content_security_policy_https_gets_hsts_and_only_configured_origins_get_cors()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://portal.example.org" });
        builder.Services.AddRecruitmentSecurityHeaders(builder.Configuration);
        await using var web = builder.Build();
        web.UseRecruitmentSecurityHeaders();
        web.MapGet("/page", () => Results.Content("<html><body>notice</body></html>", "text/html; charset=utf-8"));
        web.MapGet("/data", () => Results.Ok(new { ok = true }));
        await web.StartAsync();
        using var client = web.GetTestClient();
        client.BaseAddress = new Uri("https://recruitment.example.org");

        var page = await client.GetAsync("/page");
        page.Headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy);
        page.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=");
        var data = await client.GetAsync("/data");
        data.Headers.Contains("Content-Security-Policy").ShouldBeFalse();
        data.Headers.GetValues("X-Content-Type-Options").ShouldBe(["nosniff"]);

        using var allowed = new HttpRequestMessage(HttpMethod.Options, "/data")
        {
            Headers = { { "Origin", "https://portal.example.org" }, { "Access-Control-Request-Method", "PUT" } },
        };
        var granted = await client.SendAsync(allowed);
        ((int)granted.StatusCode).ShouldBeLessThan(300);
        granted.Headers.GetValues("Access-Control-Allow-Origin").ShouldBe(["https://portal.example.org"]);
        using var other = new HttpRequestMessage(HttpMethod.Get, "/data") { Headers = { { "Origin", "https://evil.example" } } };
        (await client.SendAsync(other)).Headers.Contains("Access-Control-Allow-Origin").ShouldBeFalse();
    }

    [Fact]
    public void A_configured_origin_that_is_not_an_origin_stops_the_start()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Cors:AllowedOrigins:0"] = "https://portal.example.org/app/" });
        Should.Throw<InvalidOperationException>(() => builder.Services.AddRecruitmentSecurityHeaders(builder.Configuration));
    }

    [Fact]
    public async Task A_method_the_route_does_not_have_is_405_even_anonymously()
    {
        using var client = app.Anonymous();
        var response = await client.DeleteAsync("/api/enrollment/cycles");
        await response.ShouldBeProblemAsync(HttpStatusCode.MethodNotAllowed, "request.method_not_allowed");
    }
}
