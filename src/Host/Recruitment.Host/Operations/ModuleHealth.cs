using Carter;
using Marten;
using Recruitment.Host.Hosting;

namespace Recruitment.Host.Operations;

internal sealed record MessageCounts(long Incoming, long Scheduled, long Outgoing, long DeadLetters);

internal sealed record ModuleStatus(string Module, string Schema, string Status, bool StoreReachable, bool SchemaUpToDate,
    MessageCounts? Messages, string? Problem);

internal sealed record HealthOverview(string Status, DateTimeOffset CheckedAt, IReadOnlyList<ModuleStatus> Modules);

/// <summary>
/// GET /api/admin/health for operators: per module, a real query against its own schema, a
/// comparison of that schema with the module's configuration, and the module's share of the
/// shared Wolverine envelope tables. One module failing leaves the others' answers untouched.
/// </summary>
internal sealed class ModuleHealthEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/admin/health", async (ModuleHealthProbe probe, TimeProvider clock, CancellationToken ct) =>
            {
                var modules = await Task.WhenAll(RecruitmentModules.All.Select(m => probe.CheckAsync(m, ct)));
                var status = modules.All(m => m.Status == "Healthy") ? "Healthy" : "Unhealthy";
                return new HealthOverview(status, clock.GetUtcNow(), modules);
            })
            .RequireAuthorization(Policies.Operator)
            .WithTags("Operations");
}

internal sealed class ModuleHealthProbe(IServiceProvider services, string connectionString)
{
    private readonly string _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 3, CommandTimeout = 5 }.ConnectionString;

    public async Task<ModuleStatus> CheckAsync(ModuleInfo module, CancellationToken ct)
    {
        var store = (IDocumentStore)services.GetRequiredService(module.StoreType);
        bool reachable = false, upToDate = false;
        string? problem = null;
        try
        {
            await using (var session = store.QuerySession())
            {
                // A real round trip inside the module's own schema.
                await session.QueryAsync<int>($"select count(*)::int from information_schema.tables where table_schema = '{module.Schema}'", ct);
            }
            reachable = true;
            await store.Storage.Database.AssertDatabaseMatchesConfigurationAsync(ct);
            upToDate = true;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            problem = reachable ? $"schema differs from configuration: {FirstLine(e.Message)}" : $"store unreachable: {FirstLine(e.Message)}";
        }

        MessageCounts? counts = null;
        try
        {
            counts = await CountMessagesAsync(module, ct);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            problem ??= $"message store unreachable: {FirstLine(e.Message)}";
        }

        var healthy = reachable && upToDate && counts is not null;
        return new ModuleStatus(module.Name, module.Schema, healthy ? "Healthy" : "Unhealthy", reachable, upToDate, counts, problem);
    }

    // Incoming and dead letters belong to the module whose handler owns the queue; outgoing to the
    // module whose contracts define the message type.
    private async Task<MessageCounts> CountMessagesAsync(ModuleInfo module, CancellationToken ct)
    {
        var queue = $"local://{module.Assembly.GetName().Name!.ToLowerInvariant()}.%";
        var contracts = $"{module.Assembly.GetName().Name}.Contracts.%";
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"""
            select
              (select count(*) from {Messaging.EnvelopeSchema}.wolverine_incoming_envelopes where status = 'Incoming' and received_at like @queue),
              (select count(*) from {Messaging.EnvelopeSchema}.wolverine_incoming_envelopes where status = 'Scheduled' and received_at like @queue),
              (select count(*) from {Messaging.EnvelopeSchema}.wolverine_outgoing_envelopes where message_type like @contracts),
              (select count(*) from {Messaging.EnvelopeSchema}.wolverine_dead_letters where received_at like @queue)
            """, connection);
        command.Parameters.AddWithValue("queue", queue);
        command.Parameters.AddWithValue("contracts", contracts);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new MessageCounts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
