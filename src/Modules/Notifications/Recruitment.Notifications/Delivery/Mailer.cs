using MailKit.Net.Smtp;
using MimeKit;

namespace Recruitment.Notifications.Delivery;

/// <summary>Sends one e-mail through the configured SMTP server. A failure throws, and the message is retried.</summary>
public sealed class Mailer
{
    private readonly DeliveryOptions options;

    internal Mailer(DeliveryOptions options) => this.options = options;

    public bool Enabled => options.SmtpHost is not null;

    public async Task SendAsync(string to, string subject, string text, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.SmtpFrom));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = text };

        using var client = new SmtpClient { Timeout = (int)options.SmtpTimeout.TotalMilliseconds };
        await client.ConnectAsync(options.SmtpHost!, options.SmtpPort, options.SmtpSecurity, ct);
        if (options.SmtpUserName is not null)
            await client.AuthenticateAsync(options.SmtpUserName, options.SmtpPassword ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
    }
}
