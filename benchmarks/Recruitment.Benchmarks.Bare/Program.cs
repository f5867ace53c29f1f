using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

// A bare ASP.NET Core app (the `dotnet new web` template plus one route): the baseline that
// build/bench.sh measures beside the Recruitment host. Its /health/ready does the same database
// work as the host's readiness check (Recruitment.Host.Operations.DatabaseReadyCheck): open a
// pooled connection with the same timeouts and run `select 1`, so the comparison shows what the
// host's composition costs, not what the database costs.
// PUT /applications/{n} is the raw counterpart of the host's PUT /api/enrollment/me/application (the
// submissions benchmark): in one transaction it reads applicant n (its profile jsonb), upserts the
// application snapshot (jsonb, unique per year and ID number, version + 1) and inserts the event row.
// POST /applicants/{count} (set-up, not measured) creates the tables and seeds the applicants.
var builder = WebApplication.CreateBuilder(args);

var configured = builder.Configuration.GetConnectionString("Postgres");
if (string.IsNullOrWhiteSpace(configured))
{
    Console.Error.WriteLine("FATAL Setting ConnectionStrings:Postgres is missing (environment variable ConnectionStrings__Postgres).");
    return 1;
}
var connectionString = new NpgsqlConnectionStringBuilder(configured) { Timeout = 2, CommandTimeout = 2 }.ConnectionString;

var app = builder.Build();
// Default timeouts for the write path, like the host's Marten data source; the tables are made by the seed call only,
// so the cold start measured by the startup benchmark stays the template's.
await using var dataSource = NpgsqlDataSource.Create(configured);
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);

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

app.MapPost("/applicants/{count:int}", async (int count, HttpRequest request, CancellationToken ct) =>
{
    using var reader = new StreamReader(request.Body);
    var profile = await reader.ReadToEndAsync(ct);
    await using (var tables = dataSource.CreateCommand(Schema.Tables)) await tables.ExecuteNonQueryAsync(ct);
    await using var command = dataSource.CreateCommand(Schema.Seed);
    command.Parameters.Add(new NpgsqlParameter<int> { TypedValue = count });
    command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = profile, NpgsqlDbType = NpgsqlDbType.Jsonb });
    await command.ExecuteNonQueryAsync(ct);
    return Results.NoContent();
});

app.MapPut("/applications/{n:int}", async (int n, Submission request, CancellationToken ct) =>
{
    await using var connection = await dataSource.OpenConnectionAsync(ct);
    await using var transaction = await connection.BeginTransactionAsync(ct);
    Applicant applicant;
    await using (var read = new NpgsqlCommand("select id, document_number, name, mobile, profile::text from bare.applicants where n = $1", connection, transaction))
    {
        read.Parameters.Add(new NpgsqlParameter<int> { TypedValue = n });
        await using var row = await read.ExecuteReaderAsync(ct);
        if (!await row.ReadAsync(ct)) return Results.NotFound();
        using var profile = JsonDocument.Parse(row.GetString(4));
        applicant = new Applicant(row.GetGuid(0), row.GetString(1), row.GetString(2), row.GetString(3), profile.RootElement.Clone());
    }
    var now = DateTimeOffset.UtcNow;
    var year = request.Year ?? 0;
    var snapshot = new Snapshot(year, applicant.Id, applicant.DocumentNumber, applicant.Name, applicant.Mobile, request.BaseCode,
        request.SpecialtyCode, request.Category, request, applicant.Profile, "PENDING_REVIEW", [], now, now);
    var change = new Change(request, applicant.Profile, [], applicant.DocumentNumber, now);
    await using (var write = new NpgsqlCommand(Schema.Upsert, connection, transaction))
    {
        write.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = Guid.CreateVersion7() });
        write.Parameters.Add(new NpgsqlParameter<int> { TypedValue = year });
        write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = applicant.DocumentNumber });
        write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(snapshot, json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        write.Parameters.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(change, json), NpgsqlDbType = NpgsqlDbType.Jsonb });
        await using var row = await write.ExecuteReaderAsync(ct);
        await row.ReadAsync(ct);
        var id = row.GetGuid(0);
        await row.DisposeAsync();
        await transaction.CommitAsync(ct);
        return Results.Ok(new { applicationId = id, status = "PENDING_REVIEW" });
    }
});

await app.RunAsync();
return 0;

internal sealed record Submission(int? Year, string? BaseCode, string? SpecialtyCode, string? OtherSpecialty, string? Category,
    string? EmployerName, string? CurrentSpecialty, bool DeclaresNoEmployment, bool AcceptsReallocation, bool RequestsExemption, bool Declaration);

internal sealed record Applicant(Guid Id, string DocumentNumber, string Name, string Mobile, JsonElement Profile);

internal sealed record Snapshot(int Year, Guid ApplicantId, string DocumentNumber, string Name, string Mobile, string? BaseCode,
    string? SpecialtyCode, string? Category, Submission Choice, JsonElement Profile, string Status, string[] Flags,
    DateTimeOffset SubmittedAt, DateTimeOffset UpdatedAt);

internal sealed record Change(Submission Choice, JsonElement Profile, string[] Flags, string Actor, DateTimeOffset At);

internal static class Schema
{
    /// <summary>Tables shaped like the host's: a snapshot per (year, ID number) with the host's two extra indexes, and events unique per stream version.</summary>
    public const string Tables = """
        create schema if not exists bare;
        create table if not exists bare.applicants (n int primary key, id uuid not null, document_number text not null unique,
            name text not null, mobile text not null, profile jsonb not null);
        create table if not exists bare.applications (id uuid primary key, year int not null, document_number text not null,
            version int not null, data jsonb not null, unique (year, document_number));
        create index if not exists applications_applicant on bare.applications ((data ->> 'applicantId'));
        create index if not exists applications_base on bare.applications ((data ->> 'baseCode'));
        create table if not exists bare.events (seq_id bigserial primary key, stream_id uuid not null, version int not null,
            type text not null, data jsonb not null, "timestamp" timestamptz not null default now(), unique (stream_id, version));
        truncate bare.events, bare.applications, bare.applicants restart identity;
        """;

    public const string Seed = """
        insert into bare.applicants
        select n, gen_random_uuid(), 'BARE' || lpad(n::text, 14, '0'), '李四', '13912345678', $2 from generate_series(1, $1) n;
        """;

    /// <summary>The snapshot upsert (a first submission keeps its id and submittedAt afterwards) and the event row, one statement.</summary>
    public const string Upsert = """
        with snapshot as (
            insert into bare.applications as a (id, year, document_number, version, data) values ($1, $2, $3, 1, $4)
            on conflict (year, document_number) do update
                set version = a.version + 1, data = excluded.data || jsonb_build_object('submittedAt', a.data -> 'submittedAt')
            returning a.id, a.version)
        insert into bare.events (stream_id, version, type, data)
        select id, version, case when version = 1 then 'application_submitted' else 'application_edited' end, $5 from snapshot
        returning stream_id
        """;
}
