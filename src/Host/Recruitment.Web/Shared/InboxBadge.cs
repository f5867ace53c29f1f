namespace Recruitment.Web.Shared;

/// <summary>
/// The unread count shown on the bell in the top bar: read when the user signs in and on every page change, and
/// told at once when the inbox page marks something read.
/// </summary>
public sealed class InboxBadge(ApiClient api, Session session)
{
    public long Unread { get; private set; }

    public event Action? Changed;

    public async Task RefreshAsync()
    {
        long unread = 0;
        if (session.IsSignedIn && (await api.GetAsync<UnreadCount>("/api/notifications/me/unread-count")).Value is { } count)
            unread = count.Unread;
        Set(unread);
    }

    public void Set(long unread)
    {
        if (unread == Unread) return;
        Unread = unread;
        Changed?.Invoke();
    }
}
