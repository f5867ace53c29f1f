namespace Recruitment.Publications.Domain;

/// <summary>A notice-board announcement by the center or the PHC: public from <see cref="PublishAt"/> until <see cref="ExpireAt"/>.</summary>
internal sealed class Announcement
{
    public Guid Id { get; set; }
    public string Publisher { get; set; } = "";
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset PublishAt { get; set; }
    public DateTimeOffset? ExpireAt { get; set; }
    public List<AttachmentInfo> Attachments { get; set; } = [];
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    public bool IsVisible(DateTimeOffset now) => PublishAt <= now && (ExpireAt is null || now < ExpireAt);
}

/// <summary>What the list shows of an attachment; the bytes are a document of their own.</summary>
internal sealed record AttachmentInfo(Guid Id, string FileName, string ContentType, long Size, string Sha256);

/// <summary>An attachment's bytes (a blank form: Att3, Att5, FORM-05..07), stored in PostgreSQL like the applicants' photos.</summary>
internal sealed class AnnouncementAttachment
{
    public Guid Id { get; set; }
    public Guid AnnouncementId { get; set; }
    public byte[] Content { get; set; } = [];
}
