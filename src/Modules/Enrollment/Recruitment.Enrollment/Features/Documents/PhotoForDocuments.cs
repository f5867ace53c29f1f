namespace Recruitment.Enrollment.Features.Documents;

/// <summary>
/// Answers <see cref="PhotoForDocument"/>: the photo as stored, for a document another module prints for the
/// applicant themselves. A read, so no transaction is opened.
/// </summary>
[MartenStore(typeof(IEnrollmentStore))]
public static class PhotoForDocumentHandler
{
    public static async Task<DocumentPhoto> Handle(PhotoForDocument query, IEnrollmentStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var photo = await session.LoadAsync<ApplicantPhoto>(query.ApplicantId, ct);
        return new DocumentPhoto(photo?.Bytes);
    }
}
