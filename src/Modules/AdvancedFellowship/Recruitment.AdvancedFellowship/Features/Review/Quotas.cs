namespace Recruitment.AdvancedFellowship.Features.Review;

/// <summary>A place of a row: its number, and whether the fellow holds it already.</summary>
internal sealed record QuotaPlace(IEventStream<PositionQuota> Stream, int PositionNo, int Number, bool Taken);

/// <summary>
/// The per-row quota (FEL-10) kept as one stream per row and year. Every write fetches the stream for writing, so two
/// decisions on the same row in parallel cannot both commit: the loser is re-run and sees the row as it now is.
/// </summary>
internal static class Quotas
{
    public static async Task<(IEventStream<PositionQuota> Stream, PositionQuota Quota)> FetchAsync(IDocumentSession session, int year,
        int positionNo, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<PositionQuota>(PositionQuota.IdFor(year, positionNo), ct);
        return (stream, stream.Aggregate ?? new PositionQuota { Year = year, PositionNo = positionNo });
    }

    /// <summary>
    /// The place of the fellow's row the fellow would hold, or <c>quota.exhausted</c>; nothing is written until
    /// <see cref="Take"/>, so a later refusal of the same command leaves the row as it was.
    /// </summary>
    public static async Task<Outcome<QuotaPlace>> PlaceForAsync(IDocumentSession session, Position position, Fellowship f, CancellationToken ct)
    {
        var (stream, quota) = await FetchAsync(session, f.Year, position.No, ct);
        if (quota.Holders.Contains(f.Id)) return new QuotaPlace(stream, position.No, quota.Sequence, Taken: true);
        if (quota.Free(position) <= 0)
            return new Refusal("quota.exhausted",
                $"Row {position.No} ({position.DepartmentEn}) has {quota.Effective(position)} place(s) and all are taken; admissions never exceed a row's quota (FEL-10).");
        return new QuotaPlace(stream, position.No, quota.Sequence + 1, Taken: false);
    }

    /// <summary>Takes the place decided by <see cref="PlaceForAsync"/>; returns its number in the row.</summary>
    public static int Take(QuotaPlace place, Fellowship f, string actor, DateTimeOffset now)
    {
        if (!place.Taken) place.Stream.AppendOne(new PlaceTaken(f.Year, place.PositionNo, f.Id, actor, now));
        return place.Number;
    }

    public static async Task ReleaseAsync(IDocumentSession session, Fellowship f, string reason, string actor, DateTimeOffset now, CancellationToken ct)
    {
        if (f.PositionNo is not { } no) return;
        var (stream, quota) = await FetchAsync(session, f.Year, no, ct);
        if (quota.Holders.Contains(f.Id)) stream.AppendOne(new PlaceReleased(f.Year, no, f.Id, reason, actor, now));
    }

    /// <summary>Places held in the year across all rows, from the rows' snapshots.</summary>
    public static async Task<int> HeldInYearAsync(IQuerySession session, int year, CancellationToken ct) =>
        (await session.Query<PositionQuota>().Where(q => q.Year == year).ToListAsync(ct)).Sum(q => q.Holders.Count);
}
