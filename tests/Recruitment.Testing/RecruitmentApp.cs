using System.Net.Http.Headers;
using System.Security.Cryptography;
using JasperFx.CommandLine;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Serilog.Core;
using Xunit;

namespace Recruitment.Testing;

/// <summary>
/// One real host per test collection: the production Program on its own PostgreSQL database,
/// with a controllable clock, captured logs and seeded staff accounts. Tests isolate themselves
/// by data (unique ids, unique ID numbers), never by recreating the database.
/// </summary>
public class RecruitmentApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string StaffPassword = "Test-pass-2024";

    /// <summary>Staff accounts every test host has: login, role, base.</summary>
    public static readonly IReadOnlyList<(string Login, string Role, string? BaseCode)> Staff =
    [
        ("t-operator", "operator", null),
        ("t-center", "center-admin", null),
        ("t-phc", "phc-admin", null),
        ("t-b01", "base-admin", "B01"),
        ("t-b02", "base-admin", "B02"),
        ("t-b07", "base-admin", "B07"),
        ("t-b03", "base-admin", "B03"),
        ("t-fellowship", "fellowship-admin", null),
    ];

    private readonly bool _ownsDatabase;
    private PostgresDatabase? _database;

    public RecruitmentApp() => _ownsDatabase = true;

    private RecruitmentApp(PostgresDatabase database, string? signingKey)
    {
        _database = database;
        if (signingKey is not null) SigningKey = signingKey;
    }

    /// <summary>
    /// A host on an existing database (restart scenarios); the database outlives it. Given another host's signing key,
    /// it is a second node of that installation: each accepts the other's tokens.
    /// </summary>
    public static RecruitmentApp On(PostgresDatabase database, string? signingKey = null) => new(database, signingKey);

    /// <summary>Starts inside the 2024 cycle, before registration opens (China Standard Time).</summary>
    public TestClock Clock { get; } = new(new DateTimeOffset(2024, 6, 1, 9, 0, 0, TestClock.ChinaStandardTime));
    public LogCapture Logs { get; } = new();
    public PostgresDatabase Database => _database ?? throw new InvalidOperationException("not initialised");
    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public virtual async Task InitializeAsync()
    {
        _database ??= await PostgresDatabase.CreateAsync();
        // Without this the factory's arguments are parsed as JasperFx commands (STACK-NOTES pitfall 6).
        JasperFxEnvironment.AutoStartHost = true;
        Start();
    }

    /// <summary>Starts the host: in memory by default; a browser test starts it on Kestrel instead.</summary>
    protected virtual void Start() => _ = Server;

    /// <summary>Whether center, PHC and operator accounts must sign in with two factors (the production default).</summary>
    protected virtual bool RequireTwoFactor => false;

    protected virtual IDictionary<string, string?> Settings()
    {
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Postgres"] = Database.ConnectionString,
            ["Auth:SigningKey"] = SigningKey,
            ["RateLimiting:AuthenticationPermitsPerMinute"] = "100000",
            // Tests move the clock by minutes between steps; the access-token lifetime is tested by the account tests.
            ["Auth:AccessTokenMinutes"] = "60",
            ["Serilog:MinimumLevel:Default"] = "Warning",
        };
        // The fixtures' staff sign in with a password alone unless a test host keeps the production requirement.
        if (!RequireTwoFactor) settings["Auth:TwoFactor:RequiredRoles:0"] = "none";
        for (var i = 0; i < Staff.Count; i++)
        {
            settings[$"Identity:Accounts:{i}:Login"] = Staff[i].Login;
            settings[$"Identity:Accounts:{i}:Password"] = StaffPassword;
            settings[$"Identity:Accounts:{i}:Role"] = Staff[i].Role;
            settings[$"Identity:Accounts:{i}:BaseCode"] = Staff[i].BaseCode;
        }
        return settings;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in Settings()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<ILogEventSink>(Logs);
            services.AddSingleton<IStartupFilter>(new RequestWitness(Logs));
            // Production hashes passwords with the framework's PBKDF2 default (100 000 iterations, tens of
            // milliseconds of CPU per sign-in on purpose). The suites register and sign in thousands of accounts on
            // two cores; a test host keeps the same algorithm and format with fewer iterations.
            services.Configure<PasswordHasherOptions>(o => o.IterationCount = 1_000);
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (_ownsDatabase && _database is not null) await _database.DropAsync();
        // The whole log of every host a suite run starts is held to the log policy; a breach fails the run.
        var violations = Logs.Violations();
        if (violations.Count > 0)
            throw new Xunit.Sdk.XunitException($"The host's log breaks the log policy ({violations.Count} lines; see Recruitment.Host/Hosting/LogPolicySink.cs):\n"
                                              + string.Join("\n", violations.Take(20)));
    }

    /// <summary>
    /// Problem details default to Chinese; test clients ask for English, in which the existing assertions on
    /// details are written. A test of the Chinese text removes or replaces the header.
    /// </summary>
    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
    }

    /// <summary>An anonymous client.</summary>
    public HttpClient Anonymous() => CreateClient();

    /// <summary>A client signed in as the given login.</summary>
    public async Task<HttpClient> SignedInAsync(string login, string password = StaffPassword)
    {
        var client = CreateClient();
        var token = await TokenAsync(login, password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> TokenAsync(string login, string password = StaffPassword)
    {
        using var client = CreateClient();
        var response = await client.PostAsJsonAsync("/api/auth/token", new { login, password });
        await response.ShouldBeSuccessAsync();
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("accessToken").GetString()!;
    }

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();
}
