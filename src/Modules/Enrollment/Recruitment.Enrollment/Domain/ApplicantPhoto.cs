using System.Security.Cryptography;

namespace Recruitment.Enrollment.Domain;

/// <summary>
/// The applicant's photo (ENR-11), one per account (Id is the account id); a new upload replaces it.
/// Bytes are the upload with its metadata stripped, so StoredSize may be below UploadedSize.
/// </summary>
internal sealed class ApplicantPhoto
{
    /// <summary>ENR-11 bounds on the uploaded file, inclusive, with KB = 1024 bytes: 150 KB and 300 KB.</summary>
    public const int MinBytes = 153_600;
    public const int MaxBytes = 307_200;

    public Guid Id { get; set; }
    /// <summary>A generated name (never the client's): a new GUID and the format's extension.</summary>
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Bytes { get; set; } = [];
    public int UploadedSize { get; set; }
    public int StoredSize { get; set; }
    /// <summary>Lower-case hex SHA-256 of <see cref="Bytes"/> (the stored file, also its ETag).</summary>
    public string Sha256 { get; set; } = "";
    public int Width { get; set; }
    public int Height { get; set; }
    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>
    /// Checks an uploaded file in order (size, format by magic bytes, structure, decoding) and
    /// returns the photo to store, or throws a 400 <see cref="DomainException"/>.
    /// </summary>
    public static async Task<ApplicantPhoto> AcceptAsync(Guid accountId, byte[] upload, DateTimeOffset now, CancellationToken ct)
    {
        if (upload.Length is < MinBytes or > MaxBytes) throw SizeOutOfRange(string.Create(CultureInfo.InvariantCulture, $"this one has {upload.Length:N0} bytes"));
        var format = PhotoMetadata.Detect(upload)
                     ?? throw DomainException.Invalid("photo.unsupported_format",
                         "A photo must be a JPEG or PNG file, recognised by its content (not its name or Content-Type) (ENR-11).");
        var stored = PhotoMetadata.Strip(upload, format);
        var (width, height) = await PhotoDecoder.EnsureDecodableAsync(stored, format, ct);
        return new ApplicantPhoto
        {
            Id = accountId,
            FileName = Guid.NewGuid().ToString("N") + format.Extension(),
            ContentType = format.ContentType(),
            Bytes = stored,
            UploadedSize = upload.Length,
            StoredSize = stored.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(stored)),
            Width = width,
            Height = height,
            UploadedAt = now,
        };
    }

    public static DomainException SizeOutOfRange(string actual) =>
        new("photo.size_out_of_range",
            string.Create(CultureInfo.InvariantCulture, $"A photo must be {MinBytes:N0} to {MaxBytes:N0} bytes (150 KB to 300 KB, ENR-11); {actual}."),
            StatusCodes.Status400BadRequest,
            new Dictionary<string, object?> { ["minBytes"] = MinBytes, ["maxBytes"] = MaxBytes });
}
