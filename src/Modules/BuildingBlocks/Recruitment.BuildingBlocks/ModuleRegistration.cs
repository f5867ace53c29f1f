using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wolverine.Marten;

namespace Recruitment.BuildingBlocks;

public static class ModuleRegistration
{
    /// <summary>
    /// Registers a module's own Marten store in its own schema, integrated with Wolverine so the
    /// module's handlers get a transactional outbox in the shared envelope schema.
    /// </summary>
    public static IServiceCollection AddModuleStore<TStore>(this IServiceCollection services, ModuleInfo module,
        string connectionString, Action<StoreOptions> configure) where TStore : class, IDocumentStore
    {
        services.AddSingleton(module);
        services.AddMartenStore<TStore>(opts =>
            {
                opts.Connection(connectionString);
                opts.DatabaseSchemaName = module.Schema;
                opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                configure(opts);
            })
            .IntegrateWithWolverine(x => x.SchemaName = Messaging.EnvelopeSchema);
        return services;
    }
}

/// <summary>
/// Work to run once the host, Wolverine included, has started (so it may send messages), awaited
/// before the host reports started: start-up loads of versioned reference data.
/// </summary>
public abstract class AfterStartTask : IHostedLifecycleService
{
    public abstract Task StartedAsync(CancellationToken cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Reads a file embedded next to <typeparamref name="TAnchor"/> under ReferenceData/.</summary>
    protected static string ReadReferenceData<TAnchor>(string name)
    {
        var assembly = typeof(TAnchor).Assembly;
        var resource = $"{assembly.GetName().Name}.ReferenceData.{name}";
        using var stream = assembly.GetManifestResourceStream(resource)
                           ?? throw new InvalidDataException($"reference data file {name} is not embedded");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
