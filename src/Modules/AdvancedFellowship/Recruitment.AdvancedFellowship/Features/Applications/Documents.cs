namespace Recruitment.AdvancedFellowship.Features.Applications;

internal sealed record DocumentView(string Kind, string ContentType, int Size, string Sha256, DateTimeOffset UploadedAt);

/// <summary>
/// The applicant's uploads (FEL-11): PUT /me/documents/{kind} with the raw file (PDF, JPEG or PNG by content, at most
/// 2 MiB), GET to list or download them. What a submission needs follows from the form and the row
/// (<see cref="Eligibility.RequiredDocuments"/>). Uploads are frozen while the application is being selected.
/// The fellowship admin downloads them per application.
/// </summary>
internal sealed class DocumentEndpoints : ICarterModule
{
    private static readonly FellowshipStatus[] Frozen = [FellowshipStatus.UNDER_REVIEW, FellowshipStatus.PROPOSED, FellowshipStatus.NOTICE_ISSUED];

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/advanced-fellowship/me/documents").RequireAuthorization(Policies.FellowshipApplicant)
            .WithTags("AdvancedFellowship: applicants");
        me.MapGet("", async (ClaimsPrincipal user, IAdvancedFellowshipStore store, CancellationToken ct) =>
        {
            var accountId = user.AccountId();
            await using var session = store.QuerySession();
            var documents = await session.Query<ApplicantDocument>().Where(d => d.ApplicantId == accountId).ToListAsync(ct);
            return documents.OrderBy(d => d.Kind).Select(View).ToList();
        });
        me.MapGet("/{kind}", async (string kind, ClaimsPrincipal user, IAdvancedFellowshipStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            return await Download(session, user.AccountId(), Kind(kind), ct);
        });
        me.MapPut("/{kind}", Upload).WithSummary("Upload or replace one document (raw PDF, JPEG or PNG body)");

        app.MapGet("/api/advanced-fellowship/applications/{applicationId:guid}/documents/{kind}",
                async (Guid applicationId, string kind, IAdvancedFellowshipStore store, CancellationToken ct) =>
                {
                    await using var session = store.QuerySession();
                    var application = await FellowshipAccess.Application(session, applicationId, ct);
                    return await Download(session, application.ApplicantId, Kind(kind), ct);
                })
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: selection");
    }

    private static async Task<DocumentView> Upload(string kind, HttpRequest request, ClaimsPrincipal user, IAdvancedFellowshipStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var accountId = user.AccountId();
        var documentKind = Kind(kind);
        var content = await ReadCappedAsync(request, ct);
        var document = ApplicantDocument.Accept(accountId, documentKind, content, clock.GetUtcNow());
        await using var session = store.LightweightSession();
        if (await session.Query<Fellowship>().AnyAsync(f => f.ApplicantId == accountId && f.Status.IsOneOf(Frozen), ct))
            throw DomainException.Conflict("document.frozen", "Documents cannot change while the application is under review or admitted.");
        session.Store(document);
        await session.SaveChangesAsync(ct);
        return View(document);
    }

    private static async Task<IResult> Download(IQuerySession session, Guid applicantId, DocumentKind kind, CancellationToken ct)
    {
        var document = await session.LoadAsync<ApplicantDocument>(ApplicantDocument.IdFor(applicantId, kind), ct)
                       ?? throw DomainException.NotFound("document.not_found", $"No {kind} document has been uploaded.");
        return Results.File(document.Content, document.ContentType, $"{kind}{Extension(document.ContentType)}");
    }

    private static string Extension(string contentType) => contentType switch
    {
        "application/pdf" => ".pdf",
        "image/png" => ".png",
        _ => ".jpg",
    };

    private static DocumentKind Kind(string kind) =>
        Enum.TryParse<DocumentKind>(kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : throw DomainException.Invalid("document.unknown_kind", $"kind must be one of {string.Join(", ", Enum.GetNames<DocumentKind>())}.");

    private static DocumentView View(ApplicantDocument d) => new(d.Kind.ToString(), d.ContentType, d.Size, d.Sha256, d.UploadedAt);

    /// <summary>The body, read to at most one byte past the limit: more is refused unread.</summary>
    private static async Task<byte[]> ReadCappedAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > ApplicantDocument.MaxBytes) throw ApplicantDocument.SizeOutOfRange();
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        while (buffer.Length <= ApplicantDocument.MaxBytes)
        {
            var read = await request.Body.ReadAsync(chunk, ct);
            if (read == 0) break;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }
}
