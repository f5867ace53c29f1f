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
    public static WebApplicationBuilder AddWebClient(this WebApplicationBuilder builder)
    {
        // Outside Development (tests, CI) an unpublished build finds the client's files only through the static
        // web assets manifest; a published app has them in wwwroot and the call changes nothing.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.Configure<RouteOptions>(o => o.SetParameterPolicy<ClientPathConstraint>("clientpath"));
        return builder;
    }

    public static WebApplication MapWebClient(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        // Not a catch-all fallback for API paths: it would win over routing's own 405 and 415 answers. An unknown API
        // route has no endpoint, and RequestGuard answers it with 404 route.not_found.
        app.MapFallbackToFile("{*path:nonfile:clientpath}", "index.html").AllowAnonymous();
        return app;
    }

    /// <summary>Matches every path except the API, health and OpenAPI ones (RequestGuard.IsApiPath).</summary>
    private sealed class ClientPathConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values,
            RouteDirection routeDirection) => httpContext is null || !RequestGuard.IsApiPath(httpContext.Request.Path);
    }
}
