namespace Recruitment.Enrollment.Domain;

/// <summary>Document types an account may be keyed by (ENR-09); PRC_ID is the default.</summary>
internal enum DocumentType { PRC_ID, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT }

/// <summary>A registered applicant of the recruitment programme; Id is the Identity account id.</summary>
internal sealed class Applicant
{
    public Guid Id { get; set; }
    public DocumentType DocumentType { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string Mobile { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }
    public Profile Profile { get; set; } = Profile.Empty;
    public DateTimeOffset? ProfileUpdatedAt { get; set; }
}
