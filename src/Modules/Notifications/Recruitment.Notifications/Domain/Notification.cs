namespace Recruitment.Notifications.Domain;

/// <summary>One message in a user's inbox, in Chinese and English, linked to what it is about.</summary>
internal sealed class Notification
{
    public Guid Id { get; set; }
    public Guid RecipientId { get; set; }
    public string Template { get; set; } = "";
    public string TitleZh { get; set; } = "";
    public string TitleEn { get; set; } = "";
    public string BodyZh { get; set; } = "";
    public string BodyEn { get; set; } = "";
    /// <summary>The API route of the thing this is about (the application, the plan, ...).</summary>
    public string? Link { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ReadAt { get; set; }
}
