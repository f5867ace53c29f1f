using Microsoft.Extensions.Hosting;

namespace Recruitment.Host.Hosting;

/// <summary>
/// Nodes sharing a database start one at a time. Two nodes starting together on an empty database otherwise race
/// on creating the same schema objects (Marten's "relation ... already exists") and on seeding the same accounts.
/// A session-level PostgreSQL advisory lock is taken before any other hosted service starts and released once every
/// start-up task has run; a node that dies while starting loses its session and so the lock. The price: a second
/// node waits for the first one's start (seconds). <see cref="Begin"/> is registered before every other hosted
/// service and <see cref="End"/> after them: StartingAsync and StartedAsync run in registration order, so the lock
/// is taken before anyone else's (Marten's migration lock included) and is never held while waiting for one.
/// </summary>
internal sealed class StartupLock(string connectionString, ILogger<StartupLock> logger) : IAsyncDisposable
{
    private const long LockId = 0x5245_4352_5354;
    private NpgsqlConnection? _connection;

    public static void Register(IServiceCollection services, string connectionString)
    {
        services.AddSingleton(sp => new StartupLock(connectionString, sp.GetRequiredService<ILogger<StartupLock>>()));
        services.AddHostedService<Begin>();
    }

    public static void RegisterEnd(IServiceCollection services) => services.AddHostedService<End>();

    private async Task AcquireAsync(CancellationToken cancellationToken)
    {
        // Unpooled: the lock belongs to this session, which closes (and so releases it) when the start is over.
        _connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        await _connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"select pg_try_advisory_lock({LockId})", _connection);
        if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!) return;
        logger.WaitingForAnotherNode();
        await using var wait = new NpgsqlCommand($"select pg_advisory_lock({LockId})", _connection) { CommandTimeout = 0 };
        await wait.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task ReleaseAsync()
    {
        if (_connection is null) return;
        await _connection.DisposeAsync();
        _connection = null;
    }

    public async ValueTask DisposeAsync() => await ReleaseAsync();

    private sealed class Begin(StartupLock startupLock) : Lifecycle
    {
        public override Task StartingAsync(CancellationToken cancellationToken) => startupLock.AcquireAsync(cancellationToken);
        public override Task StoppedAsync(CancellationToken cancellationToken) => startupLock.ReleaseAsync();
    }

    private sealed class End(StartupLock startupLock) : Lifecycle
    {
        public override Task StartedAsync(CancellationToken cancellationToken) => startupLock.ReleaseAsync();
    }

    private abstract class Lifecycle : IHostedLifecycleService
    {
        public virtual Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public virtual Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public virtual Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class StartupLockLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Another node is starting on this database; waiting for it to finish")]
    public static partial void WaitingForAnotherNode(this ILogger logger);
}
