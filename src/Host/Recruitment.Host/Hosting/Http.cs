using System.Net;
using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Carter;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Recruitment.Host.Operations;
using Scalar.AspNetCore;
using Serilog;

namespace Recruitment.Host.Hosting;

internal static class HttpSetup
{
    public static WebApplicationBuilder AddRecruitmentHttp(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        builder.AddWebClient();
        // Enums travel as strings (API.md).
        services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            JsonInputPolicy.Apply(o.SerializerOptions);
        });
        // Binding failures (malformed JSON, wrong types) reach the exception handler and become 400 problem details.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsMapping.AddStableCode);
        services.AddExceptionHandler<ProblemDetailsMapping>();

        var modules = RecruitmentModules.All.Select(m => m.Assembly).Append(typeof(Program).Assembly).ToArray();
        // Endpoint classes are internal to their modules, so they are listed explicitly rather than scanned.
        services.AddCarter(new DependencyContextAssemblyCatalog(modules), c => c.WithModules(modules
            .SelectMany(a => a.GetTypes())
            .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(ICarterModule).IsAssignableFrom(t))
            .ToArray()));
        services.AddOpenApi(o => o.AddSchemaTransformer(JsonInputPolicy.AddMaxLength));
        services.AddRecruitmentSecurityHeaders(builder.Configuration);

        var permits = builder.Configuration.GetValue("RateLimiting:AuthenticationPermitsPerMinute", 20);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimits.Authentication, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? IPAddress.Loopback.ToString(),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });

        services.AddSingleton(new DatabaseReadyCheck(connectionString));
        services.AddHealthChecks().AddCheck<DatabaseReadyCheck>("database", tags: ["ready"]);
        services.AddSingleton(sp => new ModuleHealthProbe(sp, connectionString));
        return builder;
    }

    public static WebApplication UseRecruitmentHttp(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRecruitmentSecurityHeaders();
        app.UseSerilogRequestLogging();
        app.UseWebClientFallback();
        app.UseMiddleware<RequestGuard>();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapOpenApi().AllowAnonymous();
        if (app.Environment.IsDevelopment()) app.MapScalarApiReference().AllowAnonymous();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteHealth })
            .AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = WriteHealth })
            .AllowAnonymous();
        app.MapCarter();
        // The web client's files; its SPA fallback is UseWebClientFallback above.
        app.MapWebClient();
        return app;
    }

    private static Task WriteHealth(HttpContext context, HealthReport report) =>
        context.Response.WriteAsJsonAsync(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
}
