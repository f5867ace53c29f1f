namespace Recruitment.Host.Hosting;

/// <summary>
/// Serves the applicant web client (src/Host/Recruitment.Web, Blazor WebAssembly) as static files:
/// fingerprinted, precompressed (Brotli and gzip chosen by Accept-Encoding), with ETags and immutable
/// caching for fingerprinted names, all from the build's static-asset manifest. Paths that are not
/// files fall back to the client's index.html so deep links work, except the API, health and OpenAPI
/// paths, which keep answering problem details (an unknown API route stays 404 route.not_found).
/// </summary>
internal static class WebClient
{
    /// <summary>Paths that never reach the web client.</summary>
    private static readonly string[] ServerPrefixes = ["/api", "/health", "/openapi"];

    public static WebApplicationBuilder AddWebClient(this WebApplicationBuilder builder)
    {
        // Outside Development (tests, CI) an unpublished build finds the client's files only through the static
        // web assets manifest; a published app has them in wwwroot and the call changes nothing.
        builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    public static WebApplication MapWebClient(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        foreach (var prefix in ServerPrefixes)
            app.MapFallback(prefix + "/{*path}", RouteNotFound).AllowAnonymous();
        app.MapFallbackToFile("index.html").AllowAnonymous();
        return app;
    }

    public static IResult RouteNotFound() => Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
        detail: "No such route.", extensions: new Dictionary<string, object?> { ["code"] = "route.not_found" });
}
