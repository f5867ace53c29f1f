using MailKit.Security;
using Microsoft.Extensions.Configuration;

namespace Recruitment.Notifications.Delivery;

/// <summary>
/// Settings under <c>Notifications</c>: the SMTP server (<c>Smtp:Host</c> unset: no e-mail), the SMS gateway
/// (<c>Sms:GatewayUrl</c> unset: SMS only logged, masked, in Development; off elsewhere) and the retry delays of a
/// failed delivery before it becomes a dead letter.
/// </summary>
internal sealed record DeliveryOptions
{
    public string? SmtpHost { get; init; }
    public int SmtpPort { get; init; } = 25;
    public SecureSocketOptions SmtpSecurity { get; init; } = SecureSocketOptions.StartTlsWhenAvailable;
    public string? SmtpUserName { get; init; }
    public string? SmtpPassword { get; init; }
    public string SmtpFrom { get; init; } = "招录平台 <no-reply@recruitment.local>";
    public TimeSpan SmtpTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public Uri? SmsGatewayUrl { get; init; }
    public string? SmsUserName { get; init; }
    public string? SmsPassword { get; init; }

    public TimeSpan[] RetryDelays { get; init; } = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];

    public static DeliveryOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Notifications");
        var gateway = section["Sms:GatewayUrl"];
        var retries = section.GetSection("RetrySeconds").Get<double[]>();
        return new DeliveryOptions
        {
            SmtpHost = NullIfEmpty(section["Smtp:Host"]),
            SmtpPort = section.GetValue("Smtp:Port", 25),
            SmtpSecurity = section.GetValue("Smtp:Security", SecureSocketOptions.StartTlsWhenAvailable),
            SmtpUserName = NullIfEmpty(section["Smtp:UserName"]),
            SmtpPassword = NullIfEmpty(section["Smtp:Password"]),
            SmtpFrom = section["Smtp:From"] ?? "招录平台 <no-reply@recruitment.local>",
            SmtpTimeout = TimeSpan.FromSeconds(section.GetValue("Smtp:TimeoutSeconds", 20)),
            SmsGatewayUrl = string.IsNullOrWhiteSpace(gateway) ? null : new Uri(gateway),
            SmsUserName = NullIfEmpty(section["Sms:UserName"]),
            SmsPassword = NullIfEmpty(section["Sms:Password"]),
            RetryDelays = retries is { Length: > 0 } ? retries.Select(TimeSpan.FromSeconds).ToArray()
                : [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)],
        };
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
