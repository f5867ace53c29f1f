using System.Security.Cryptography;
using Carter;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Recruitment.Publications.Features.NoticeBoard;

internal sealed record AnnouncementRequest(string? Title, string? Body, DateTimeOffset? PublishAt, DateTimeOffset? ExpireAt);

internal sealed record AnnouncementView(Guid Id, string Publisher, string Title, string Body, DateTimeOffset PublishAt, DateTimeOffset? ExpireAt,
    IReadOnlyList<AttachmentInfo> Attachments)
{
    public static AnnouncementView Of(Announcement a) => new(a.Id, a.Publisher, a.Title, a.Body, a.PublishAt, a.ExpireAt, a.Attachments);
}

/// <summary>
/// The platform's notice board: the center and the PHC post announcements (title, body, publish and expiry time)
/// and attach files such as the blank forms (Att3, Att5, FORM-05..07). GET lists what is published and not expired,
/// newest first, to anyone; an attachment is served with its content type and its SHA-256 (as <c>Repr-Digest</c>
/// and ETag), so a downloaded form can be checked against the list.
/// </summary>
internal sealed class NoticeBoardEndpoints : ICarterModule
{
    private const int MaxAttachmentBytes = 10 * 1024 * 1024;

    private static readonly Dictionary<string, string> AllowedTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = ".pdf",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        ["application/msword"] = ".doc",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
        ["application/vnd.ms-excel"] = ".xls",
    };

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/api/publications/announcements";
        app.MapPost(route, async (AnnouncementRequest request, HttpContext http, IPublicationsStore store, TimeProvider clock, CancellationToken ct) =>
            {
                if (string.IsNullOrWhiteSpace(request.Title) || request.Title.Length > 200 || string.IsNullOrWhiteSpace(request.Body) || request.Body.Length > 20_000)
                    throw DomainException.Invalid("announcement.invalid", "title (at most 200 characters) and body (at most 20,000) are required.");
                var now = clock.GetUtcNow();
                var publishAt = request.PublishAt ?? now;
                if (request.ExpireAt is { } expire && expire <= publishAt)
                    throw DomainException.Invalid("announcement.invalid", "expireAt comes after publishAt.");
                var announcement = new Announcement
                {
                    Id = Guid.NewGuid(),
                    Publisher = http.User.IsInRole(Roles.PhcAdmin) ? "PHC" : "CENTER",
                    Title = request.Title.Trim(),
                    Body = request.Body,
                    PublishAt = publishAt,
                    ExpireAt = request.ExpireAt,
                    CreatedBy = http.User.Actor(),
                    CreatedAt = now,
                };
                await using var session = store.LightweightSession();
                session.Insert(announcement);
                await session.SaveChangesAsync(ct);
                return Results.Created($"{route}/{announcement.Id}", AnnouncementView.Of(announcement));
            })
            .RequireAuthorization(Policies.CenterOrPhcAdmin).WithTags("Publications: notice board");

        app.MapPut(route + "/{announcementId:guid}/attachments/{fileName}", async (Guid announcementId, string fileName, HttpContext http,
                IPublicationsStore store, CancellationToken ct) =>
            {
                var contentType = http.Request.ContentType?.Split(';')[0].Trim() ?? "";
                if (!AllowedTypes.ContainsKey(contentType))
                    throw new DomainException("attachment.unsupported_type", "Attachments are PDF, Word or Excel files.", StatusCodes.Status415UnsupportedMediaType);
                if (fileName.Length > 120 || fileName.IndexOfAny(['/', '\\', '"', '\r', '\n']) >= 0)
                    throw DomainException.Invalid("attachment.invalid_name", "The file name has at most 120 characters and no path or quotes.");
                using var buffer = new MemoryStream();
                var chunk = new byte[81920];
                int read;
                while ((read = await http.Request.Body.ReadAsync(chunk, ct)) > 0)
                {
                    buffer.Write(chunk, 0, read);
                    if (buffer.Length > MaxAttachmentBytes)
                        throw new DomainException("attachment.too_large", "An attachment has at most 10 MiB.", StatusCodes.Status413PayloadTooLarge);
                }
                if (buffer.Length == 0) throw DomainException.Invalid("attachment.empty", "The attachment is empty.");
                var content = buffer.ToArray();

                await using var session = store.LightweightSession();
                var announcement = await session.LoadAsync<Announcement>(announcementId, ct)
                                   ?? throw DomainException.NotFound("announcement.not_found", $"No announcement {announcementId}.");
                var info = new AttachmentInfo(Guid.NewGuid(), fileName, contentType, content.Length, Convert.ToHexStringLower(SHA256.HashData(content)));
                announcement.Attachments.Add(info);
                session.Store(announcement);
                session.Insert(new AnnouncementAttachment { Id = info.Id, AnnouncementId = announcementId, Content = content });
                await session.SaveChangesAsync(ct);
                return Results.Created($"{route}/{announcementId}/attachments/{info.Id}", info);
            })
            .RequireAuthorization(Policies.CenterOrPhcAdmin).WithTags("Publications: notice board");

        app.MapGet(route, async (int? page, int? pageSize, IPublicationsStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                var paging = Paging.From(page, pageSize);
                await using var session = store.QuerySession();
                var visible = session.Query<Announcement>().Where(a => a.PublishAt <= now && (a.ExpireAt == null || a.ExpireAt > now));
                var total = await visible.CountAsync(ct);
                var items = await visible.OrderByDescending(a => a.PublishAt).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
                return new { items = items.Select(AnnouncementView.Of), page = paging.Page, pageSize = paging.PageSize, total };
            })
            .AllowAnonymous().WithTags("Publications: notice board");

        app.MapGet(route + "/{announcementId:guid}/attachments/{attachmentId:guid}", async (Guid announcementId, Guid attachmentId, HttpContext http,
                IPublicationsStore store, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var announcement = await session.LoadAsync<Announcement>(announcementId, ct);
                var info = announcement?.Attachments.FirstOrDefault(a => a.Id == attachmentId);
                if (announcement is null || info is null || !announcement.IsVisible(clock.GetUtcNow()))
                    throw DomainException.NotFound("attachment.not_found", "No such published attachment.");
                var stored = (await session.LoadAsync<AnnouncementAttachment>(attachmentId, ct))!;
                http.Response.Headers["Repr-Digest"] = $"sha-256=:{Convert.ToBase64String(Convert.FromHexString(info.Sha256))}:";
                http.Response.Headers["X-Content-SHA256"] = info.Sha256;
                return Results.File(stored.Content, info.ContentType, info.FileName, entityTag: new Microsoft.Net.Http.Headers.EntityTagHeaderValue($"\"{info.Sha256}\""));
            })
            .AllowAnonymous().WithTags("Publications: notice board");
    }
}
