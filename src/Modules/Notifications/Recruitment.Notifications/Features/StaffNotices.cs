using Recruitment.Notifications.Contracts;
using Wolverine;

namespace Recruitment.Notifications.Features;

/// <summary>
/// A staff notification addressed to a role (of a base): one <see cref="NotifyAccount"/> per enabled holder in the
/// address book, each keyed like the request, so a redelivered request tells nobody twice.
/// </summary>
[MartenStore(typeof(INotificationsStore))]
public static class NotifyStaffHandler
{
    public static async Task<OutgoingMessages> Handle(NotifyStaff command, IQuerySession session, CancellationToken ct)
    {
        var holders = session.Query<Recipient>().Where(r => r.Role == command.Role && !r.Disabled);
        if (command.BaseCode is { } baseCode) holders = holders.Where(r => r.BaseCode == baseCode);
        var messages = new OutgoingMessages();
        foreach (var id in await holders.Select(r => r.Id).ToListAsync(ct))
            messages.Add(new NotifyAccount(id, command.Template, command.Values, command.Link, command.Key));
        return messages;
    }
}
