using System.Buffers;
using Microsoft.Net.Http.Headers;

namespace Recruitment.Enrollment.Features.Profile;

internal sealed record PhotoView(string FileName, string ContentType, int UploadedSize, int StoredSize, int Width, int Height,
    string Sha256, DateTimeOffset UploadedAt);

/// <summary>
/// GET / PUT /api/enrollment/me/photo: the applicant's own photo (ENR-11). The body of PUT is the raw
/// image; its Content-Type is not trusted (the format is read from the bytes), and it is read only up
/// to one byte past the limit, so an oversized body is never buffered.
/// </summary>
internal sealed class PhotoEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/enrollment/me/photo")
            .RequireAuthorization(Policies.Applicant)
            .WithTags("Enrollment: applicants");
        group.MapGet("", Download)
            .WithSummary("The caller's photo, as stored (metadata stripped)")
            .Produces<byte[]>(StatusCodes.Status200OK, "image/jpeg", "image/png");
        group.MapPut("", Upload)
            .WithSummary("Upload or replace the caller's photo (ENR-11)")
            .WithDescription("Raw JPEG or PNG body of 153,600 to 307,200 bytes. EXIF/XMP/ICC/IPTC segments, comments and "
                             + "PNG text/time chunks are removed without re-encoding the picture.");
        app.MapGet("/api/enrollment/applications/{applicationId:guid}/photo", DownloadForStaff)
            .RequireAuthorization(Policies.BaseOrCenterAdmin)
            .WithTags("Enrollment: bases")
            .WithSummary("The photo of an applicant, for staff of the applied base and the center");
    }

    private static async Task<IResult> DownloadForStaff(Guid applicationId, ClaimsPrincipal user, IEnrollmentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var application = await ApplicationAccess.ReadForStaff(session, applicationId, user, ct);
        if (application.ApplicantId is not { } applicantId)
            throw DomainException.NotFound("photo.not_found", "An on-site assistant-GP registrant's photo is on the paper Att3 form (ENR-38).");
        return await PhotoDownload.ForApplicant(session, applicantId, ct);
    }

    private static async Task<IResult> Download(ClaimsPrincipal user, IEnrollmentStore store, CancellationToken ct)
    {
        var accountId = user.AccountId();
        await using var session = store.QuerySession();
        return await PhotoDownload.ForApplicant(session, accountId, ct);
    }

    private static async Task<PhotoView> Upload(HttpRequest request, ClaimsPrincipal user, IEnrollmentStore store, TimeProvider clock,
        CancellationToken ct)
    {
        var accountId = user.AccountId();
        var upload = await ReadCappedAsync(request, ct);
        // Everything is checked before the session opens: a refused upload leaves the previous photo in place.
        var photo = await ApplicantPhoto.AcceptAsync(accountId, upload, clock.GetUtcNow(), ct);
        await using var session = store.LightweightSession();
        if (await ApplicantAccess.EditClosedAsync(session, accountId, photo.UploadedAt, ct) is { } closed) throw closed.ToException();
        session.Store(photo);
        await session.SaveChangesAsync(ct);
        return new PhotoView(photo.FileName, photo.ContentType, photo.UploadedSize, photo.StoredSize, photo.Width, photo.Height,
            photo.Sha256, photo.UploadedAt);
    }

    /// <summary>The body, read to at most <see cref="ApplicantPhoto.MaxBytes"/> + 1 bytes: more is refused unread.</summary>
    private static async Task<byte[]> ReadCappedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ApplicantPhoto.MaxBytes)
            throw ApplicantPhoto.SizeOutOfRange(string.Create(CultureInfo.InvariantCulture, $"this one has {request.ContentLength:N0} bytes"));
        const int cap = ApplicantPhoto.MaxBytes + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(cap);
        try
        {
            var total = 0;
            while (total < cap)
            {
                var read = await request.Body.ReadAsync(buffer.AsMemory(total, cap - total), ct);
                if (read == 0) break;
                total += read;
            }
            if (total == cap)
                throw ApplicantPhoto.SizeOutOfRange(string.Create(CultureInfo.InvariantCulture, $"this one has more than {ApplicantPhoto.MaxBytes:N0} bytes"));
            return buffer.AsSpan(0, total).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

/// <summary>
/// Serves a stored applicant photo. Shared by the applicant's own route and by staff routes (a base
/// downloading the photo of an application made to it): the caller decides who may see whose photo.
/// </summary>
internal static class PhotoDownload
{
    /// <summary>The photo of <paramref name="applicantId"/> (the account id) as a file result; 404 <c>photo.not_found</c> when none.</summary>
    internal static async Task<IResult> ForApplicant(IQuerySession session, Guid applicantId, CancellationToken ct)
    {
        var photo = await session.LoadAsync<ApplicantPhoto>(applicantId, ct)
                    ?? throw DomainException.NotFound("photo.not_found", "No photo has been uploaded (ENR-11).");
        return new PhotoResult(photo);
    }

    /// <summary>The file with its ETag (conditional GETs answer 304), kept out of shared caches and never content-sniffed.</summary>
    private sealed class PhotoResult(ApplicantPhoto photo) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "private, no-cache";
            httpContext.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(photo.Bytes, photo.ContentType, photo.FileName,
                    lastModified: photo.UploadedAt, entityTag: new EntityTagHeaderValue($"\"{photo.Sha256}\""))
                .ExecuteAsync(httpContext);
        }
    }
}
