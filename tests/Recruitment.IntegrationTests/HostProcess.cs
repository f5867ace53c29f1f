using System.Net.Sockets;

namespace Recruitment.IntegrationTests;

/// <summary>What every child host of one test shares: the database and the signing key.</summary>
internal sealed record HostSettings(string ConnectionString)
{
    public const string Password = "Crash-test-2024";

    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>Extra settings for every host, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}

/// <summary>The built Recruitment.Host.dll as a child process on a free loopback port.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly HttpClient _http;
    private readonly ITestOutputHelper _output;

    private HostProcess(Process process, Uri address, ITestOutputHelper output)
    {
        _process = process;
        _output = output;
        _http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        Address = address;
    }

    public Uri Address { get; }

    public static Task<HostProcess> StartAsync(HostSettings settings, ITestOutputHelper output)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Recruitment.Host.dll");
        File.Exists(hostDll).ShouldBeTrue(hostDll);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [hostDll])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in settings.Environment) start.Environment[key] = value;
        start.Environment["ConnectionStrings__Postgres"] = settings.ConnectionString;
        start.Environment["Auth__SigningKey"] = settings.SigningKey;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = address.ToString();
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        // These hosts sign in as center and operator without an authenticator, as the in-process test hosts do.
        start.Environment["Auth__TwoFactor__RequiredRoles__0"] = "none";
        start.Environment["Identity__Accounts__0__Login"] = "crash-operator";
        start.Environment["Identity__Accounts__0__Password"] = HostSettings.Password;
        start.Environment["Identity__Accounts__0__Role"] = "operator";
        start.Environment["Identity__Accounts__1__Login"] = "crash-center";
        start.Environment["Identity__Accounts__1__Password"] = HostSettings.Password;
        start.Environment["Identity__Accounts__1__Role"] = "center-admin";
        var process = Process.Start(start)!;
        var host = new HostProcess(process, address, output);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return Task.FromResult(host);
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_log) _log.AppendLine(line);
    }

    public string Log
    {
        get { lock (_log) return _log.ToString(); }
    }

    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited) throw new ShouldAssertException($"the host exited with {_process.ExitCode}:\n{Log}");
            try
            {
                if ((await _http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(200);
        }
        throw new ShouldAssertException($"the host was not ready within 90 s:\n{Log}");
    }

    public async Task<HttpClient> SignedInAsync(string login)
    {
        var response = await _http.PostAsJsonAsync("/api/auth/token", new { login, password = HostSettings.Password });
        var token = (await response.JsonAsync()).GetProperty("accessToken").GetString();
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<string> ApiKeyAsync()
    {
        using var @operator = await SignedInAsync("crash-operator");
        var key = await (await @operator.PostAsJsonAsync("/api/auth/api-keys", new { name = "crash test job" })).JsonAsync();
        return key.GetProperty("key").GetString()!;
    }

    public HttpClient Client(string apiKey)
    {
        var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(120) };
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    /// <summary>SIGKILL: no shutdown hooks, no graceful release of the node's work.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    public void Dispose()
    {
        var log = Log;
        if (log.Length > 0) _output.WriteLine($"--- host {Address} output (tail) ---\n{log[Math.Max(0, log.Length - 4000)..]}");
        _http.Dispose();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
