using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.Rotation.Features.ReferenceData;

namespace Recruitment.Rotation;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface IRotationStore : IDocumentStore;

/// <summary>Rotation templates, department capacities, the scheduler, personalised plans and their approval.</summary>
public static class RotationModule
{
    public static readonly ModuleInfo Info = new("Rotation", "rotation", typeof(IRotationStore), typeof(RotationModule).Assembly);

    public static IServiceCollection AddRotationModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddModuleStore<IRotationStore>(Info, connectionString, opts =>
        {
            opts.Schema.For<RotationCycle>().Identity(c => c.Id);
            opts.Schema.For<MakeUpPlan>();
            opts.Schema.For<Department>().Identity(d => d.Id);
            opts.Schema.For<RotationTemplate>().Identity(t => t.Id);
            opts.Schema.For<BaseCapacity>().Identity(c => c.Id);
            opts.Schema.For<Trainee>().Index(t => t.BaseCode).Index(t => t.ApplicantId);
            opts.Schema.For<RotationAlert>().Identity(a => a.Id).Index(a => a.BaseCode);
            opts.Schema.For<DailyCheckRun>().Identity(r => r.Id);
            // The stream is the audit trail; the inline snapshot is what lists, the calendar and the rules read.
            opts.Projections.Snapshot<RotationPlan>(SnapshotLifecycle.Inline);
            opts.Schema.For<RotationPlan>().Index(p => p.BaseCode);
        });
        services.AddHostedService<RotationReferenceDataLoader>();
        return services;
    }
}
