using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Recruitment.BuildingBlocks;
using Recruitment.Rotation.Domain;

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
        });
        return services;
    }
}
