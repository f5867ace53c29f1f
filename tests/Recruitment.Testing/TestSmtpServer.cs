using System.Buffers;
using System.Collections.Concurrent;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Recruitment.Testing;

/// <summary>
/// A real SMTP server on a loopback port, inside the test process, keeping every message delivered to it. It can be
/// stopped and started again on the same port to play an outage.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private SmtpServer.SmtpServer? _server;
    private Task? _running;
    private CancellationTokenSource? _stop;

    public int Port { get; } = FreePort();

    public IReadOnlyCollection<MimeMessage> Messages => _messages;

    public static TestSmtpServer Start()
    {
        var server = new TestSmtpServer();
        server.Resume();
        return server;
    }

    public void Resume()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_messages));
        _server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = _server.StartAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_server is null) return;
        _server.Shutdown();
        await _stop!.CancelAsync();
        try
        {
            await _running!.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (OperationCanceledException)
        {
            // Cancelling is how it stops.
        }
        _stop.Dispose();
        _server = null;
    }

    /// <summary>Host settings that send the host's e-mail here, retrying a failed delivery quickly.</summary>
    public IEnumerable<KeyValuePair<string, string?>> HostSettings() =>
    [
        new("Notifications:Smtp:Host", "127.0.0.1"),
        new("Notifications:Smtp:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        new("Notifications:Smtp:Security", "None"),
        new("Notifications:Smtp:TimeoutSeconds", "5"),
        new("Notifications:RetrySeconds:0", "1"),
        new("Notifications:RetrySeconds:1", "2"),
    ];

    /// <summary>The messages sent to an address, oldest first.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        _messages.Where(m => m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase))).ToList();

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(ConcurrentQueue<MimeMessage> messages) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction,
            ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}
