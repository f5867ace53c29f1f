using JasperFx;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.BuildingBlocks;
using Recruitment.AdvancedFellowship.Domain;
using Wolverine.Marten;

namespace Recruitment.AdvancedFellowship;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface IAdvancedFellowshipStore : IDocumentStore;

/// <summary>The Guilin "Excellent Young Physician" fellowship, self-contained: positions, applications, training, assessment.</summary>
public static class AdvancedFellowshipModule
{
    public static readonly ModuleInfo Info = new("AdvancedFellowship", "advanced_fellowship", typeof(IAdvancedFellowshipStore), typeof(AdvancedFellowshipModule).Assembly);

    public static IServiceCollection AddAdvancedFellowshipModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddSingleton(Info);
        services.AddMartenStore<IAdvancedFellowshipStore>(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = Info.Schema;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                opts.Schema.For<FellowshipCycle>().Identity(c => c.Id);
            })
            .IntegrateWithWolverine(x => x.SchemaName = Messaging.EnvelopeSchema);
        services.AddHostedService<Features.Positions.FellowshipReferenceDataLoader>();
        return services;
    }
}
