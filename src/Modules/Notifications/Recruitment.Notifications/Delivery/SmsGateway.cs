using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;

namespace Recruitment.Notifications.Delivery;

/// <summary>Sends one text message. A failure throws, and the message is retried.</summary>
public interface ISmsGateway
{
    bool Enabled { get; }
    Task SendAsync(string mobile, string text, CancellationToken ct);
}

/// <summary>
/// The province's SMS gateway: a JSON POST <c>{ mobile, text }</c> to the configured URL with HTTP basic
/// credentials. Any answer other than 2xx is a failure.
/// </summary>
internal sealed class HttpSmsGateway(HttpClient http, DeliveryOptions options) : ISmsGateway
{
    public bool Enabled => true;

    public async Task SendAsync(string mobile, string text, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, options.SmsGatewayUrl)
        {
            Content = JsonContent.Create(new { mobile, text }),
        };
        if (options.SmsUserName is not null)
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.SmsUserName}:{options.SmsPassword}")));
        using var response = await http.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"The SMS gateway answered {(int)response.StatusCode}.", null, response.StatusCode);
    }
}

/// <summary>
/// Development without a gateway: the text goes to the log with the number masked (the inbox has the notification
/// already). Elsewhere without a gateway, SMS is off.
/// </summary>
internal sealed class LogSmsGateway(bool enabled, ILogger<LogSmsGateway> logger) : ISmsGateway
{
    public bool Enabled => enabled;

    public Task SendAsync(string mobile, string text, CancellationToken ct)
    {
        // Masking and redaction cost only when the line is written.
        if (logger.IsEnabled(LogLevel.Information)) logger.SmsNotSent(Mask(mobile), Redact(text));
        return Task.CompletedTask;
    }

    internal static string Mask(string mobile) => mobile.Length > 7 ? mobile[..3] + "****" + mobile[^4..] : "***";

    // One-time codes never reach a log, even a development one.
    private static string Redact(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\b\d{6}\b", "******");
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class SmsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "SMS to {Mobile} (development, not sent): {Text}")]
    public static partial void SmsNotSent(this ILogger logger, string mobile, string text);
}
