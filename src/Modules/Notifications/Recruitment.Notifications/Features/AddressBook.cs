using Recruitment.Enrollment.Contracts;
using Recruitment.Identity.Contracts;

namespace Recruitment.Notifications.Features;

/// <summary>Keeps Notifications' copy of who can be told what and where: accounts, and whose exam candidate is whose.</summary>
[MartenStore(typeof(INotificationsStore))]
public static class AddressBookHandler
{
    public static async Task Handle(AccountChanged changed, IDocumentSession session, CancellationToken ct)
    {
        var recipient = await session.LoadAsync<Recipient>(changed.AccountId, ct);
        // Redelivered or reordered messages never undo a newer state.
        if (recipient is not null && recipient.Version > changed.Version) return;
        session.Store(new Recipient
        {
            Id = changed.AccountId,
            Role = changed.Role,
            DisplayName = changed.DisplayName,
            BaseCode = changed.BaseCode,
            Email = changed.Email,
            Mobile = changed.Mobile,
            Disabled = changed.Disabled,
            Version = changed.Version,
        });
    }

    public static void Handle(RecruitmentCyclePublished cycle, IDocumentSession session)
    {
        foreach (var b in cycle.Bases) session.Store(new BaseName { Id = b.Code, NameZh = b.NameZh, NameEn = b.NameEn });
    }
}
