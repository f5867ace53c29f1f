using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.BuildingBlocks;
using Recruitment.TrainingExemption.Domain;
using Wolverine.Marten;

namespace Recruitment.TrainingExemption;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface ITrainingExemptionStore : IDocumentStore;

/// <summary>Requests to shorten training, base forms, capability assessment and expert determination.</summary>
public static class TrainingExemptionModule
{
    public static readonly ModuleInfo Info = new("TrainingExemption", "training_exemption", typeof(ITrainingExemptionStore), typeof(TrainingExemptionModule).Assembly);

    public static IServiceCollection AddTrainingExemptionModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddSingleton(Info);
        services.AddMartenStore<ITrainingExemptionStore>(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = Info.Schema;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                opts.Schema.For<ExemptionCycle>().Identity(c => c.Id);
            })
            .IntegrateWithWolverine(x => x.SchemaName = Messaging.EnvelopeSchema);
        return services;
    }
}
