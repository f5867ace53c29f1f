namespace Recruitment.Web.Tests;

/// <summary>The host serves the client: deep links get index.html; API, health and OpenAPI paths never do.</summary>
[Collection(BrowserCollection.Name)]
public sealed class WebClientServingTests(BrowserApp app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/me/status")]
    [InlineData("/quotas")]
    public async Task Client_paths_fall_back_to_the_client_page_without_any_inline_script(string path)
    {
        using var client = app.Anonymous();
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldMatch(@"_framework/blazor\.webassembly\.[a-z0-9]+\.js", "the fingerprinted name is written into index.html");
        System.Text.RegularExpressions.Regex.Matches(html, @"<script(?![^>]*\bsrc=)[^>]*>").ShouldBeEmpty("no inline script (CSP)");
    }

    [Theory]
    [InlineData("/api/no-such-route")]
    [InlineData("/api/enrollment/no/such/thing")]
    [InlineData("/health/nothing")]
    [InlineData("/openapi/nothing/here")]
    public async Task Server_paths_never_fall_back_to_the_client(string path)
    {
        using var client = app.Anonymous();
        await (await client.GetAsync(path)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "route.not_found");
    }

    [Fact]
    public async Task Framework_files_are_served_compressed()
    {
        using var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/_framework/blazor.webassembly.js");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentEncoding.ShouldContain("gzip");
    }
}
