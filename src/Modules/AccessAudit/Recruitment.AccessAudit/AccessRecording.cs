using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Recruitment.AccessAudit;

/// <summary>
/// Records staff accesses in one place for every route (see <see cref="AuditedRoutes"/>). The record is written
/// when the response starts, after the handler succeeded and before any byte of personal data leaves: if it
/// cannot be written, the response fails instead of going out unrecorded.
/// </summary>
internal sealed class AccessRecordingMiddleware(RequestDelegate next)
{
    private static readonly string[] StaffRoles = [Roles.BaseAdmin, Roles.CenterAdmin, Roles.PhcAdmin, Roles.FellowshipAdmin, Roles.Operator];

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() => RecordAsync(context));
        return next(context);
    }

    private static async Task RecordAsync(HttpContext context)
    {
        if (context.Response.StatusCode is < 200 or > 299) return;
        if (context.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } pattern }) return;
        var user = context.User;
        var role = StaffRoles.FirstOrDefault(user.IsInRole);
        if (role is null) return;

        var method = context.Request.Method;
        AccessAction action;
        string what;
        if ((HttpMethods.IsGet(method) || HttpMethods.IsHead(method)) && AuditedRoutes.PersonalDataReads.TryGetValue(pattern, out var shown))
            (action, what) = (AccessAction.READ, shown);
        else if (AuditedRoutes.IsChange(method, pattern))
            (action, what) = (AccessAction.CHANGE, $"{method} {pattern}");
        else
            return;

        var services = context.RequestServices;
        var values = context.Request.RouteValues;
        var record = new AccessRecord
        {
            Id = Guid.CreateVersion7(),
            At = services.GetRequiredService<TimeProvider>().GetUtcNow(),
            Action = action,
            StaffId = Guid.TryParse(user.FindFirstValue(RecruitmentClaims.Subject), out var staffId) ? staffId : null,
            StaffRole = role,
            StaffName = user.FindFirstValue(RecruitmentClaims.Name),
            StaffBaseCode = user.BaseCode(),
            What = what,
            Method = method,
            Route = pattern,
            Path = context.Request.Path.Value ?? "",
            Status = context.Response.StatusCode,
            Address = context.Connection.RemoteIpAddress?.ToString(),
            SubjectBaseCode = values.TryGetValue("baseCode", out var baseCode) ? Convert.ToString(baseCode, System.Globalization.CultureInfo.InvariantCulture) : null,
        };
        if (AuditedRoutes.SubjectOf(pattern, values) is var (kind, id))
        {
            record.SubjectKind = kind;
            record.SubjectId = id;
            var resolver = services.GetServices<IAccessSubjectResolver>().FirstOrDefault(r => r.Kind == kind);
            if (resolver is not null && await resolver.FindAsync(id, context.RequestAborted) is { } subject)
            {
                record.ApplicantId = subject.ApplicantId;
                record.SubjectBaseCode ??= subject.BaseCode;
            }
        }

        await using var session = services.GetRequiredService<IAccessAuditStore>().LightweightSession();
        session.Insert(record);
        await session.SaveChangesAsync(context.RequestAborted);
    }
}

/// <summary>Puts the recording middleware at the outside of the pipeline, so it sees the final status of every request.</summary>
internal sealed class AccessRecordingStartup : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<AccessRecordingMiddleware>();
        next(app);
    };
}
