namespace Recruitment.Host.Hosting;

/// <summary>
/// Fails fast, with one clear line naming the setting, when the database setting is missing or
/// points nowhere: a host that starts without its database only produces confusing errors later.
/// </summary>
internal static class DatabaseStartupCheck
{
    public const string Setting = "ConnectionStrings:Postgres";

    public static bool TryGetConnectionString(IConfiguration configuration, out string connectionString)
    {
        connectionString = configuration.GetConnectionString("Postgres") ?? "";
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Fatal($"Setting {Setting} is missing: set it (environment variable ConnectionStrings__Postgres) to a PostgreSQL connection string.");
            return false;
        }
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (builder.Timeout > 10) builder.Timeout = 10;
            using var connection = new NpgsqlConnection(builder.ConnectionString);
            connection.Open();
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            Fatal($"Setting {Setting} does not lead to a reachable PostgreSQL database: {e.Message}");
            return false;
        }
    }

    // Logging is not built yet at this point; one line on standard error is what an operator sees.
    private static void Fatal(string message) => Console.Error.WriteLine($"FATAL {message}");
}
