namespace Recruitment.AdvancedFellowship.Features.Review;

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

    /// <summary>Takes a place of the fellow's row or refuses with <c>quota.exhausted</c>; returns the place's number in the row.</summary>
    public static async Task<int> TakeAsync(IDocumentSession session, Position position, Fellowship f, string actor, DateTimeOffset now,
        CancellationToken ct)
    {
        var (stream, quota) = await FetchAsync(session, f.Year, position.No, ct);
        if (quota.Holders.Contains(f.Id)) return quota.Sequence;
        if (quota.Free(position) <= 0)
            throw new DomainException("quota.exhausted",
                $"Row {position.No} ({position.DepartmentEn}) has {quota.Effective(position)} place(s) and all are taken; admissions never exceed a row's quota (FEL-10).");
        stream.AppendOne(new PlaceTaken(f.Year, position.No, f.Id, actor, now));
        return quota.Sequence + 1;
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
