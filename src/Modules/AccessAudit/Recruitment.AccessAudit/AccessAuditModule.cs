using System.Reflection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Recruitment.AccessAudit;

/// <summary>The module's Marten store (schema per module). Public only because Marten generates code against it.</summary>
public interface IAccessAuditStore : IDocumentStore;

/// <summary>
/// Who read or changed an applicant's personal data, when, what and from where (PIPL): recorded for every
/// route by one middleware, kept append-only for a configurable retention, queried by the center and shown to
/// the applicant.
/// </summary>
public static class AccessAuditModule
{
    public static readonly ModuleInfo Info = new("AccessAudit", "access_audit", typeof(IAccessAuditStore), typeof(AccessAuditModule).Assembly);

    /// <param name="moduleAssemblies">Where to find each module's <see cref="IAccessSubjectResolver"/>.</param>
    public static IServiceCollection AddAccessAuditModule(this IServiceCollection services, IConfiguration configuration,
        string connectionString, IEnumerable<Assembly> moduleAssemblies)
    {
        services.AddModuleStore<IAccessAuditStore>(Info, connectionString, opts =>
        {
            opts.Schema.For<AccessRecord>()
                .Index(r => r.At)
                .Index(r => r.ApplicantId)
                .Index(r => r.StaffId)
                .Index(r => r.SubjectId);
        });
        services.AddSingleton(AccessAuditOptions.From(configuration));
        foreach (var resolver in moduleAssemblies.SelectMany(a => a.GetTypes())
                     .Where(t => t is { IsAbstract: false, IsInterface: false } && typeof(IAccessSubjectResolver).IsAssignableFrom(t)))
            services.TryAddEnumerable(ServiceDescriptor.Singleton(typeof(IAccessSubjectResolver), resolver));
        services.AddSingleton<IStartupFilter, AccessRecordingStartup>();
        services.AddSingleton<AccessAuditRetention>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessAuditRetention>());
        services.AddHostedService<AppendOnlyAccessRecords>();
        return services;
    }
}

/// <summary>Settings (section <c>AccessAudit</c>).</summary>
internal sealed record AccessAuditOptions(TimeSpan Retention, TimeSpan PurgeInterval)
{
    public static AccessAuditOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("AccessAudit");
        var days = section.GetValue("RetentionDays", 1095);
        var hours = section.GetValue("PurgeIntervalHours", 24);
        if (days < 1) throw new InvalidOperationException("AccessAudit:RetentionDays is at least 1.");
        if (hours < 1) throw new InvalidOperationException("AccessAudit:PurgeIntervalHours is at least 1.");
        return new AccessAuditOptions(TimeSpan.FromDays(days), TimeSpan.FromHours(hours));
    }
}
