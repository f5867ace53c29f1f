namespace Recruitment.Publications.Domain;

/// <summary>A printed document as the verification page shows it; <see cref="Id"/> is its verification code.</summary>
internal sealed class IssuedDocument
{
    public string Id { get; set; } = "";
    public string SubjectKey { get; set; } = "";
    public string Title { get; set; } = "";
    public string HolderName { get; set; } = "";
    public string Issuer { get; set; } = "";
    public List<DocumentFact> Facts { get; set; } = [];
    public DateTimeOffset FirstIssuedAt { get; set; }
    public DateTimeOffset LastIssuedAt { get; set; }
    public int Prints { get; set; }
    public string? WithdrawnReason { get; set; }
    public DateTimeOffset? WithdrawnAt { get; set; }
}
