namespace Recruitment.Enrollment.Features.Admission;

/// <summary>Loading, creating and releasing the places of admission cells, for every slice that takes or frees one.</summary>
internal static class CellLedgers
{
    /// <summary>Frees the place a proposed (or later) candidate holds; used by withdrawals and cancellations too.</summary>
    public static async Task<CellLedger?> ReleaseAsync(IDocumentSession session, Application a, CancellationToken ct)
    {
        if (a.Proposal is null) return null;
        var ledger = await session.LoadAsync<CellLedger>(a.Proposal.CellId, ct);
        if (ledger is null || !ledger.Holders.Remove(a.Id)) return ledger;
        session.Store(ledger);
        return ledger;
    }

    public static async Task<CellLedger> ForAsync(IDocumentSession session, RecruitmentCycle cycle, Application a, CancellationToken ct)
    {
        var id = CellLedger.IdFor(a);
        if (await session.LoadAsync<CellLedger>(id, ct) is { } existing) return existing;
        var split = a.SpecialtyCode == Eligibility.Other ? await session.LoadAsync<OtherSplit>(OtherSplit.IdFor(a.Year, a.BaseCode), ct) : null;
        var ledger = new CellLedger
        {
            Id = id,
            Year = a.Year,
            BaseCode = a.BaseCode,
            SpecialtyCode = a.SpecialtyCode,
            OtherSpecialty = a.OtherSpecialty,
            Places = CellLedger.PlacesOf(cycle, split, a.Track, a.BaseCode, a.SpecialtyCode, a.OtherSpecialty),
        };
        session.Insert(ledger); // two first proposals racing for a new cell: one insert fails and retries onto the stored ledger
        return ledger;
    }
}
