using Recruitment.Printing;
using Wolverine.Marten;

namespace Recruitment.Publications.Features.Verification;

/// <summary>
/// The register of printed documents. Modules invoke <see cref="RegisterDocument"/> before handing a PDF out,
/// so a document is verifiable from the moment it exists. One subject, one code: two first prints racing
/// each other meet at the unique index on the subject, and the loser takes the winner's code.
/// </summary>
[MartenStore(typeof(IPublicationsStore))]
public static class DocumentRegisterHandler
{
    public static async Task<DocumentRegistered> Handle(RegisterDocument command, IPublicationsStore store, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var session = store.LightweightSession();
            var existing = await session.Query<IssuedDocument>().FirstOrDefaultAsync(d => d.SubjectKey == command.SubjectKey, ct);
            var document = existing ?? new IssuedDocument
            {
                Id = VerificationCodes.New(),
                SubjectKey = command.SubjectKey,
                FirstIssuedAt = command.IssuedAt,
            };
            document.Title = command.Title;
            document.HolderName = command.HolderName;
            document.Issuer = command.Issuer;
            document.Facts = command.Facts.ToList();
            document.LastIssuedAt = command.IssuedAt;
            document.Prints++;
            document.WithdrawnAt = null;
            document.WithdrawnReason = null;
            if (existing is null) session.Insert(document); else session.Update(document);
            try
            {
                await session.SaveChangesAsync(ct);
                return new DocumentRegistered(document.Id);
            }
            catch (Exception e) when (attempt < 3 && e is not OperationCanceledException)
            {
                // Someone registered the same subject (or, once in 2^60, drew the same code) meanwhile: read again.
            }
        }
    }

    public static async Task Handle(WithdrawDocument command, IPublicationsStore store, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var document = await session.Query<IssuedDocument>().FirstOrDefaultAsync(d => d.SubjectKey == command.SubjectKey, ct);
        if (document is null || document.WithdrawnAt is not null) return;
        document.WithdrawnAt = command.At;
        document.WithdrawnReason = command.Reason;
        session.Update(document);
        await session.SaveChangesAsync(ct);
    }
}
