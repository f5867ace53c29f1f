using System.Security.Claims;
using Carter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Recruitment.Notifications.Features;

internal sealed record NotificationView(Guid Id, string Template, string Title, string TitleEn, string Body, string BodyEn,
    string? Link, DateTimeOffset CreatedAt, DateTimeOffset? ReadAt);

internal sealed record InboxPage(IReadOnlyList<NotificationView> Items, int Page, int PageSize, long Total, long Unread);

internal sealed record UnreadCount(long Unread);

/// <summary>
/// /api/notifications/me: the signed-in user's inbox, newest first (optionally unread only), the unread count, and
/// marking one or all read. Everyone sees only their own notifications.
/// </summary>
internal sealed class InboxEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/notifications/me").WithTags("Notifications").RequireAuthorization(Policies.AnyUser);
        me.MapGet("", List);
        me.MapGet("/unread-count", async (ClaimsPrincipal user, INotificationsStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            return new UnreadCount(await Unread(session, user.AccountId()).CountAsync(ct));
        });
        me.MapPost("/{notificationId:guid}/read", MarkRead);
        me.MapPost("/read-all", MarkAllRead);
    }

    private static IQueryable<Notification> Unread(IQuerySession session, Guid accountId) =>
        session.Query<Notification>().Where(n => n.RecipientId == accountId && n.ReadAt == null);

    private static async Task<InboxPage> List(bool? unread, int? page, int? pageSize, ClaimsPrincipal user, INotificationsStore store,
        CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        var accountId = user.AccountId();
        await using var session = store.QuerySession();
        var query = unread == true ? Unread(session, accountId) : session.Query<Notification>().Where(n => n.RecipientId == accountId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        var unreadCount = await Unread(session, accountId).CountAsync(ct);
        return new InboxPage(items.Select(n => new NotificationView(n.Id, n.Template, n.TitleZh, n.TitleEn, n.BodyZh, n.BodyEn, n.Link,
            n.CreatedAt, n.ReadAt)).ToList(), paging.Page, paging.PageSize, total, unreadCount);
    }

    private static async Task<IResult> MarkRead(Guid notificationId, ClaimsPrincipal user, INotificationsStore store, TimeProvider clock,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var notification = await session.LoadAsync<Notification>(notificationId, ct);
        // Someone else's notification is as absent as a missing one.
        if (notification is null || notification.RecipientId != user.AccountId())
            throw DomainException.NotFound("notification.not_found", "No such notification in your inbox.");
        if (notification.ReadAt is null)
        {
            notification.ReadAt = clock.GetUtcNow();
            session.Update(notification);
            await session.SaveChangesAsync(ct);
        }
        return Results.NoContent();
    }

    private static async Task<IResult> MarkAllRead(ClaimsPrincipal user, INotificationsStore store, TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var now = clock.GetUtcNow();
        foreach (var notification in await Unread(session, user.AccountId()).ToListAsync(ct))
        {
            notification.ReadAt = now;
            session.Update(notification);
        }
        await session.SaveChangesAsync(ct);
        return Results.NoContent();
    }
}
