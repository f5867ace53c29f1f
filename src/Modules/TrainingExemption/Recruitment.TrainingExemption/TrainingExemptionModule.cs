using JasperFx.Events.Projections;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Recruitment.TrainingExemption;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface ITrainingExemptionStore : IDocumentStore;

/// <summary>Requests to shorten training, base forms, capability assessment and expert determination.</summary>
public static class TrainingExemptionModule
{
    public static readonly ModuleInfo Info = new("TrainingExemption", "training_exemption", typeof(ITrainingExemptionStore), typeof(TrainingExemptionModule).Assembly);

    public static IServiceCollection AddTrainingExemptionModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddModuleStore<ITrainingExemptionStore>(Info, connectionString, opts =>
        {
            opts.Schema.For<ExemptionCycle>().Identity(c => c.Id);
            opts.Projections.Snapshot<ExemptionCase>(SnapshotLifecycle.Inline);
            opts.Schema.For<ExemptionCase>().Index(c => c.BaseCode).Index(c => c.ApplicantId);
        });
        return services;
    }
}
