using System.Globalization;
using Recruitment.Identity.Contracts;
using Recruitment.Notifications.Delivery;

namespace Recruitment.Notifications.Features;

/// <summary>The code goes only to the mailbox or phone; it is not kept in the inbox, nor ever printed.</summary>
public sealed record DeliverResetCode(string Code, string? Email, string? Mobile, int Minutes) : IDelivery
{
    public override string ToString() => "DeliverResetCode { }";
}

/// <summary>Sends a password-reset code by e-mail when the account has an address (and e-mail is configured), else by SMS.</summary>
[MartenStore(typeof(INotificationsStore))]
public static class ResetCodeDeliveryHandler
{
    public static DeliverResetCode Handle(PasswordResetCodeIssued issued) =>
        new(issued.Code, issued.Email, issued.Mobile, (int)Math.Ceiling((issued.ExpiresAt - issued.At).TotalMinutes));

    public static async Task Handle(DeliverResetCode delivery, Mailer mailer, ISmsGateway sms, CancellationToken ct)
    {
        var template = Catalogue.All[Catalogue.PasswordResetCode];
        var (titleZh, titleEn, bodyZh, bodyEn) = Catalogue.Render(template, new Dictionary<string, string>
        {
            ["code"] = delivery.Code,
            ["minutes"] = delivery.Minutes.ToString(CultureInfo.InvariantCulture),
        });
        if (delivery.Email is not null && mailer.Enabled)
            await mailer.SendAsync(delivery.Email, $"{titleZh} / {titleEn}", $"{bodyZh}\n\n{bodyEn}", ct);
        else if (delivery.Mobile is not null && sms.Enabled)
            await sms.SendAsync(delivery.Mobile, $"【{titleZh}】{bodyZh}", ct);
    }
}
