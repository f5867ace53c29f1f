using System.Security.Cryptography;
using System.Text;
using Recruitment.Notifications.Contracts;
using Wolverine;

namespace Recruitment.Notifications.Features;

/// <summary>A delivery of something already decided; retried on failure, then a dead letter (NotificationsModule).</summary>
internal interface IDelivery;

public sealed record DeliverEmail(Guid NotificationId) : IDelivery;

public sealed record DeliverSms(Guid NotificationId) : IDelivery;

/// <summary>
/// Puts a notification in the account holder's inbox (once per key, whatever the redeliveries) and queues its
/// e-mail and SMS, each its own durable message so that one channel's failure neither blocks nor repeats the others.
/// </summary>
[MartenStore(typeof(INotificationsStore))]
public static class NotifyAccountHandler
{
    public static async Task<OutgoingMessages> Handle(NotifyAccount command, IDocumentSession session, TimeProvider clock,
        Delivery.PublicLinks links, ILogger<NotifyAccount> logger, CancellationToken ct)
    {
        var messages = new OutgoingMessages();
        if (!Catalogue.All.TryGetValue(command.Template, out var template))
        {
            logger.UnknownTemplate(command.Template);
            return messages;
        }
        var id = IdFor(command.AccountId, command.Key);
        if (await session.LoadAsync<Notification>(id, ct) is not null) return messages;

        var (titleZh, titleEn, bodyZh, bodyEn) = Catalogue.Render(template, command.Values);
        session.Insert(new Notification
        {
            Id = id,
            RecipientId = command.AccountId,
            Template = template.Key,
            TitleZh = titleZh,
            TitleEn = titleEn,
            BodyZh = bodyZh,
            BodyEn = bodyEn,
            Link = links.Absolute(command.Link),
            CreatedAt = clock.GetUtcNow(),
        });
        if (template.Email) messages.Add(new DeliverEmail(id));
        if (template.Sms) messages.Add(new DeliverSms(id));
        return messages;
    }

    /// <summary>The same key for the same account is the same notification.</summary>
    internal static Guid IdFor(Guid accountId, string key) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{accountId:N}:{key}")).AsSpan(0, 16));
}

[MartenStore(typeof(INotificationsStore))]
public static class DeliverNotificationHandler
{
    public static async Task Handle(DeliverEmail command, IQuerySession session, Delivery.Mailer mailer, CancellationToken ct)
    {
        if (!mailer.Enabled) return;
        var (notification, recipient) = await LoadAsync(session, command.NotificationId, ct);
        if (notification is null || recipient?.Email is null || recipient.Disabled) return;
        await mailer.SendAsync(recipient.Email, $"{notification.TitleZh} / {notification.TitleEn}",
            Text(notification), ct);
    }

    public static async Task Handle(DeliverSms command, IQuerySession session, Delivery.ISmsGateway sms, CancellationToken ct)
    {
        if (!sms.Enabled) return;
        var (notification, recipient) = await LoadAsync(session, command.NotificationId, ct);
        if (notification is null || recipient?.Mobile is null || recipient.Disabled) return;
        await sms.SendAsync(recipient.Mobile, $"【{notification.TitleZh}】{notification.BodyZh}", ct);
    }

    internal static string Text(Notification n) =>
        $"{n.BodyZh}\n\n{n.BodyEn}" + (n.Link is null ? "" : $"\n\n{n.Link}");

    private static async Task<(Notification?, Recipient?)> LoadAsync(IQuerySession session, Guid id, CancellationToken ct)
    {
        var notification = await session.LoadAsync<Notification>(id, ct);
        var recipient = notification is null ? null : await session.LoadAsync<Recipient>(notification.RecipientId, ct);
        return (notification, recipient);
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class NotifyLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Notification template {Template} does not exist; nothing sent")]
    public static partial void UnknownTemplate(this ILogger logger, string template);
}
