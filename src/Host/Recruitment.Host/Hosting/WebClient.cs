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
        // An unpublished build would add MapStaticAssets' development fallback, a GET-only {**path:file} catch-all that
        // routing counts before its constraint and so turns every other method on every unknown path into 405.
        builder.Configuration["DisableStaticAssetNotFoundRuntimeFallback"] = "true";
        return builder;
    }

    public static WebApplication MapWebClient(this WebApplication app)
    {
        app.MapStaticAssets().AllowAnonymous();
        return app;
    }

    /// <summary>
    /// The SPA fallback as middleware after routing rather than a catch-all fallback route: a fallback route would
    /// take part in routing and turn routing's own 405 and 415 answers, and an unknown API route's 404, into
    /// something else. Here a GET or HEAD for a path that matched nothing, is no file and is not an API path gets the
    /// client's index.html endpoint; everything else goes on unchanged (RequestGuard answers unknown API routes).
    /// </summary>
    public static WebApplication UseWebClientFallback(this WebApplication app)
    {
        Endpoint? index = null;
        app.Use((context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint() is null
                && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && !RequestGuard.IsApiPath(request.Path)
                && !Path.HasExtension(request.Path.Value))
            {
                index ??= IndexEndpoint(context.RequestServices);
                if (index is not null) context.SetEndpoint(index);
            }
            return next(context);
        });
        return app;
    }

    // The uncompressed index.html endpoint of MapStaticAssets (its compressed twins carry content-encoding metadata).
    private static RouteEndpoint? IndexEndpoint(IServiceProvider services) =>
        services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/') == "index.html")
            .OrderBy(e => e.Metadata.Any(m => m.GetType().Name == "ContentEncodingMetadata") ? 1 : 0)
            .FirstOrDefault();
}
