using Npgsql;

// A bare ASP.NET Core app (the `dotnet new web` template plus one route): the baseline that
// build/bench.sh measures beside the Recruitment host. Its /health/ready does the same database
// work as the host's readiness check (Recruitment.Host.Operations.DatabaseReadyCheck): open a
// pooled connection with the same timeouts and run `select 1`, so the comparison shows what the
// host's composition costs, not what the database costs.
var builder = WebApplication.CreateBuilder(args);

var configured = builder.Configuration.GetConnectionString("Postgres");
if (string.IsNullOrWhiteSpace(configured))
{
    Console.Error.WriteLine("FATAL Setting ConnectionStrings:Postgres is missing (environment variable ConnectionStrings__Postgres).");
    return 1;
}
var connectionString = new NpgsqlConnectionStringBuilder(configured) { Timeout = 2, CommandTimeout = 2 }.ConnectionString;

var app = builder.Build();

app.MapGet("/health/ready", async (CancellationToken ct) =>
{
    try
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select 1", connection);
        await command.ExecuteScalarAsync(ct);
        return Results.Ok(new { status = "Healthy" });
    }
    catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
    {
        return Results.Json(new { status = "Unhealthy" }, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
});

await app.RunAsync();
return 0;
