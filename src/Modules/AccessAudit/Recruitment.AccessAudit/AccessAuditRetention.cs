using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Recruitment.AccessAudit;

/// <summary>
/// Deletes access records older than <c>AccessAudit:RetentionDays</c>, at start-up and then every
/// <c>AccessAudit:PurgeIntervalHours</c>. Running on several hosts at once is harmless: the delete is idempotent.
/// </summary>
internal sealed class AccessAuditRetention(IAccessAuditStore store, AccessAuditOptions options, TimeProvider clock,
    ILogger<AccessAuditRetention> logger) : BackgroundService
{
    public async Task<int> PurgeAsync(CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - options.Retention;
        await using var session = store.LightweightSession();
        var expired = await session.Query<AccessRecord>().CountAsync(r => r.At < cutoff, ct);
        if (expired == 0) return 0;
        session.DeleteWhere<AccessRecord>(r => r.At < cutoff);
        await session.SaveChangesAsync(ct);
        logger.Purged(expired, cutoff);
        return expired;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.PurgeInterval);
        do
        {
            try { await PurgeAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.PurgeFailed(e);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

/// <summary>
/// Makes the access records append-only in the database itself: a trigger refuses every UPDATE of the table,
/// whoever issues it. Deletes stay possible for the retention purge. Installed (idempotently) at start-up.
/// </summary>
internal sealed class AppendOnlyAccessRecords(IAccessAuditStore store) : AfterStartTask
{
    public override async Task StartedAsync(CancellationToken cancellationToken)
    {
        await store.Storage.Database.EnsureStorageExistsAsync(typeof(AccessRecord), cancellationToken);
        var table = store.Options.FindOrResolveDocumentType(typeof(AccessRecord)).TableName.QualifiedName;
        var schema = AccessAuditModule.Info.Schema;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        // Several hosts may start together: one installs at a time.
        command.CommandText = $"""
            select pg_advisory_xact_lock(hashtext('{schema}.append_only'));
            create or replace function {schema}.refuse_update() returns trigger language plpgsql as $$
            begin
              raise exception 'access records are append-only' using errcode = 'insufficient_privilege';
            end $$;
            create or replace trigger access_records_append_only before update on {table}
              for each row execute function {schema}.refuse_update();
            """;
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class RetentionLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Access audit retention: deleted {Count} records older than {Cutoff}")]
    public static partial void Purged(this ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Access audit retention failed; retrying at the next interval")]
    public static partial void PurgeFailed(this ILogger logger, Exception exception);
}
