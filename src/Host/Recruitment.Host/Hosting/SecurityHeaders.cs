namespace Recruitment.Host.Hosting;

/// <summary>
/// Headers every response carries, and the cross-origin policy. The web client is served from the host's own
/// origin, so no cross-origin caller is allowed unless configured (<c>Cors:AllowedOrigins</c>).
/// </summary>
internal static class SecurityHeaders
{
    /// <summary>The content security policy of every HTML response: the web client's own scripts and WebAssembly only.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

    public const string CorsPolicy = "configured-origins";

    public static IServiceCollection AddRecruitmentSecurityHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection("Cors:AllowedOrigins").Get<string[]>() ?? [];
        // An origin is scheme, host and port; a path or wildcard would be a mistake worth failing on at start-up.
        foreach (var origin in origins)
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.PathAndQuery != "/" || origin.EndsWith('/'))
                throw new InvalidOperationException($"Cors:AllowedOrigins holds '{origin}', which is not an origin such as https://portal.example.org.");
        services.AddCors(o => o.AddPolicy(CorsPolicy, p =>
        {
            if (origins.Length == 0) return;
            p.WithOrigins(origins).AllowAnyHeader().AllowAnyMethod().WithExposedHeaders("Location", "Content-Disposition");
        }));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
        });
        return services;
    }

    public static WebApplication UseRecruitmentSecurityHeaders(this WebApplication app)
    {
        // HSTS only means something over HTTPS; the middleware itself skips plain HTTP and loopback hosts.
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                if (context.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
                    headers.ContentSecurityPolicy = ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseCors(CorsPolicy);
        return app;
    }
}
