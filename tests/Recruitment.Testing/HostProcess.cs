using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Shouldly;
using Xunit.Abstractions;

namespace Recruitment.Testing;

/// <summary>What every child host of one test shares: the database and the signing key.</summary>
public sealed record HostSettings(string ConnectionString)
{
    public const string Password = "Crash-test-2024";

    public string SigningKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));

    /// <summary>Extra settings for every host, as environment variables.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// The built Recruitment.Host.dll as a child process on a free loopback port: a real process that a test can kill
/// (SIGKILL) to prove what survives a crash. Disposing kills it too and writes the tail of its output to the test.
/// </summary>
public sealed class HostProcess : IDisposable
{
    /// <summary>Generous: on a loaded machine (several builds and test runs at once) a host has taken over 90 s to start.</summary>
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromSeconds(180);

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

    /// <summary>Starts a host without waiting for it (nodes starting at the same moment); then <see cref="WaitUntilReadyAsync"/>.</summary>
    public static HostProcess Launch(HostSettings settings, ITestOutputHelper output)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = new Dictionary<string, string>(settings.Environment)
        {
            ["ConnectionStrings__Postgres"] = settings.ConnectionString,
            ["Auth__SigningKey"] = settings.SigningKey,
            ["ASPNETCORE_URLS"] = address.ToString(),
            ["Serilog__MinimumLevel__Default"] = "Warning",
            // These hosts sign in as center and operator without an authenticator, as the in-process test hosts do.
            ["Auth__TwoFactor__RequiredRoles__0"] = "none",
            ["Identity__Accounts__0__Login"] = "crash-operator",
            ["Identity__Accounts__0__Password"] = HostSettings.Password,
            ["Identity__Accounts__0__Role"] = "operator",
            ["Identity__Accounts__1__Login"] = "crash-center",
            ["Identity__Accounts__1__Password"] = HostSettings.Password,
            ["Identity__Accounts__1__Role"] = "center-admin",
        };
        var process = Process.Start(StartInfo(environment))!;
        var host = new HostProcess(process, address, output);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>
    /// Starts a host and waits until it answers /health/ready. A host that exits or is not ready in time is killed and
    /// fails the test with its output.
    /// </summary>
    public static async Task<HostProcess> StartAsync(HostSettings settings, ITestOutputHelper output)
    {
        var host = Launch(settings, output);
        try
        {
            await host.WaitUntilReadyAsync();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    /// <summary>Runs a host with only the given settings until it exits by itself; returns its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> environment, TimeSpan timeout)
    {
        using var process = Process.Start(StartInfo(environment))!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new ShouldAssertException($"the host did not exit within {timeout.TotalSeconds:0} s");
        }
        return (process.ExitCode, await stderr + await stdout);
    }

    private static ProcessStartInfo StartInfo(IReadOnlyDictionary<string, string> environment)
    {
        var hostDll = Path.Combine(AppContext.BaseDirectory, "Recruitment.Host.dll");
        File.Exists(hostDll).ShouldBeTrue(hostDll);
        var start = new ProcessStartInfo("dotnet", [hostDll])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
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
        var deadline = DateTime.UtcNow + ReadyWithin;
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
        throw new ShouldAssertException($"the host was not ready within {ReadyWithin.TotalSeconds:0} s:\n{Log}");
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
        Kill();
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
