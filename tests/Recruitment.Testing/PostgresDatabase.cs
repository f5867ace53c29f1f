using DotNet.Testcontainers.Builders;
using Npgsql;
using Testcontainers.PostgreSql;

namespace Recruitment.Testing;

/// <summary>
/// A throwaway database for one test host. Uses Testcontainers when a Docker engine answers;
/// otherwise the private cluster whose admin connection string build/test.sh exports in
/// RECRUITMENT_TEST_POSTGRES. With neither, it fails loudly: tests are never silently skipped.
/// </summary>
public sealed class PostgresDatabase : IAsyncDisposable
{
    public const string AdminVariable = "RECRUITMENT_TEST_POSTGRES";
    /// <summary>Set to 1 to skip the Docker probe (about a second per fixture) when it is known to be absent.</summary>
    public const string SkipDockerVariable = "RECRUITMENT_TESTS_SKIP_DOCKER";

    private static readonly SemaphoreSlim ContainerGate = new(1, 1);
    private static PostgreSqlContainer? _container;
    private readonly string _adminConnectionString;

    private PostgresDatabase(string adminConnectionString, string name)
    {
        _adminConnectionString = adminConnectionString;
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name, MaxPoolSize = 40 }.ConnectionString;
    }

    public string Name { get; }
    public string ConnectionString { get; }

    public static async Task<PostgresDatabase> CreateAsync()
    {
        var admin = await AdminConnectionStringAsync();
        var name = $"rt_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"create database {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new PostgresDatabase(admin, name);
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"drop database if exists {Name} with (force)", connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync() => await DropAsync();

    private static async Task<string> AdminConnectionStringAsync()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable(AdminVariable);
        if (Environment.GetEnvironmentVariable(SkipDockerVariable) != "1")
        {
            await ContainerGate.WaitAsync();
            try
            {
                if (_container is null)
                {
                    var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                    await container.StartAsync();
                    _container = container;
                }
                return _container.GetConnectionString();
            }
            catch (DockerUnavailableException) when (!string.IsNullOrEmpty(fromEnvironment))
            {
                // No Docker engine here: fall back to the private cluster.
            }
            finally
            {
                ContainerGate.Release();
            }
        }
        return !string.IsNullOrEmpty(fromEnvironment)
            ? fromEnvironment
            : throw new InvalidOperationException(
                $"No PostgreSQL for the tests: no Docker engine answered and {AdminVariable} is not set. Run the suite with build/test.sh.");
    }
}
