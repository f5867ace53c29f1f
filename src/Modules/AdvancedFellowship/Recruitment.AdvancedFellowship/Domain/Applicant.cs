namespace Recruitment.AdvancedFellowship.Domain;

/// <summary>What the fellowship keeps of a self-registered applicant account (FEL-11); the login itself lives in Identity.</summary>
internal sealed class FellowshipApplicant
{
    public Guid Id { get; set; }
    public string DocumentNumber { get; set; } = "";
    public string Name { get; set; } = "";
    public string Mobile { get; set; } = "";
    public DateTimeOffset RegisteredAt { get; set; }

    public DateOnly BirthDate => ResidentId.BirthDate(DocumentNumber);
}

/// <summary>
/// One uploaded certificate scan of an applicant (FEL-11), one per kind: PDF, JPEG or PNG by content, at most
/// <see cref="MaxBytes"/>. Replacing it is possible until the application is under review.
/// </summary>
internal sealed class ApplicantDocument
{
    public const int MaxBytes = 2 * 1024 * 1024;

    public string Id { get; set; } = "";
    public Guid ApplicantId { get; set; }
    public DocumentKind Kind { get; set; }
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public int Size { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }

    public static string IdFor(Guid applicantId, DocumentKind kind) => $"{applicantId:N}/{kind}";

    public static ApplicantDocument Accept(Guid applicantId, DocumentKind kind, byte[] content, DateTimeOffset now)
    {
        if (content.Length == 0 || content.Length > MaxBytes) throw SizeOutOfRange();
        var type = Sniff(content) ?? throw DomainException.Invalid("document.unsupported_format", "A document is a PDF, JPEG or PNG file (read from its content).");
        return new ApplicantDocument
        {
            Id = IdFor(applicantId, kind),
            ApplicantId = applicantId,
            Kind = kind,
            ContentType = type,
            Content = content,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            UploadedAt = now,
        };
    }

    public static DomainException SizeOutOfRange() =>
        DomainException.Invalid("document.size_out_of_range", string.Create(CultureInfo.InvariantCulture, $"A document has 1 to {MaxBytes:N0} bytes."));

    private static string? Sniff(ReadOnlySpan<byte> b) =>
        b.StartsWith("%PDF-"u8) ? "application/pdf"
        : b.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }) ? "image/jpeg"
        : b.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }) ? "image/png"
        : null;
}
