using Npgsql;

namespace Recruitment.Examination.Features.Imports;

/// <summary>
/// One import at a time across every node of the deployment: a PostgreSQL session advisory lock, held on
/// a connection of its own for the whole batch. The sequential queue only orders the imports of one node;
/// with several hosts two batches for the same base would otherwise interleave (a lost update), and a node
/// wrongly judged dead could see its batch redelivered elsewhere while still processing it. A killed host's
/// connection closes, which releases the lock.
/// </summary>
internal sealed class ImportLock : IAsyncDisposable
{
    /// <summary>An arbitrary constant shared by every host: "EXAMSCOR" in ASCII.</summary>
    private const long Key = 0x4558_414D_5343_4F52;

    private readonly NpgsqlConnection _connection;

    private ImportLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<ImportLock> AcquireAsync(IExaminationStore store, CancellationToken ct)
    {
        var connection = store.Storage.Database.CreateConnection();
        try
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            // Waits as long as another node's import runs: no command timeout.
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
            return new ImportLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await using var command = new NpgsqlCommand("select pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync(CancellationToken.None);
            await _connection.DisposeAsync();
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // An idle pooled connection would keep holding the lock: close it for real.
            await _connection.DisposeAsync();
            NpgsqlConnection.ClearPool(_connection);
        }
    }
}
