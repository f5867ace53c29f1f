using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.BuildingBlocks;
using Recruitment.AdvancedFellowship.Domain;

namespace Recruitment.AdvancedFellowship;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface IAdvancedFellowshipStore : IDocumentStore;

/// <summary>The Guilin "Excellent Young Physician" fellowship, self-contained: positions, applications, training, assessment.</summary>
public static class AdvancedFellowshipModule
{
    public static readonly ModuleInfo Info = new("AdvancedFellowship", "advanced_fellowship", typeof(IAdvancedFellowshipStore), typeof(AdvancedFellowshipModule).Assembly);

    public static IServiceCollection AddAdvancedFellowshipModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        services.AddModuleStore<IAdvancedFellowshipStore>(Info, connectionString, opts =>
        {
            opts.Schema.For<FellowshipCycle>().Identity(c => c.Id);
        });
        services.AddHostedService<Features.Positions.FellowshipReferenceDataLoader>();
        return services;
    }
}
