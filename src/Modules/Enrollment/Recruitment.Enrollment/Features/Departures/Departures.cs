using Recruitment.Publications.Contracts;

namespace Recruitment.Enrollment.Features.Departures;

/// <summary>
/// What every departure after admission does (ENR-65..ENR-69), in one place: the place goes back to its cell's
/// ledger (quota cell, OTHER split entry or assistant-GP quota, ENR-68), the status event is appended, and Rotation
/// and TrainingExemption are told (<see cref="TraineeDeparted"/>). Ledgers are cached per session so that two
/// departures from one cell in one transaction both count.
/// </summary>
internal sealed class DepartureWork(IDocumentSession session)
{
    private readonly Dictionary<string, CellLedger> _ledgers = [];

    public async Task<TraineeDeparted> LeaveAsync(IEventStream<Application> stream, Departure departure, string reason, string actor,
        DateTimeOffset now, CancellationToken ct)
    {
        var a = stream.Aggregate!;
        // A second departure of the same trainee (a revocation after NOT_REPORTED) finds the place already returned.
        if (await LedgerAsync(a.Proposal?.CellId, ct) is { } ledger && ledger.Holders.Remove(a.Id)) session.Store(ledger);
        stream.AppendOne(departure switch
        {
            Departure.DECLINED => new AdmissionDeclined(reason, actor, now),
            Departure.NOT_REPORTED => new ReportingDeadlinePassed(actor, now),
            _ => (IApplicationEvent)new AdmissionRevoked(reason, actor, now),
        });
        return new TraineeDeparted(a.Id, a.Year, departure, reason, a.Version + 1, now);
    }

    public async Task<CellLedger?> LedgerAsync(string? cellId, CancellationToken ct)
    {
        if (cellId is null) return null;
        if (_ledgers.TryGetValue(cellId, out var cached)) return cached;
        var ledger = await session.LoadAsync<CellLedger>(cellId, ct);
        if (ledger is not null) _ledgers[cellId] = ledger;
        return ledger;
    }

    /// <summary>
    /// A declined or revoked admission's notice no longer verifies as genuine (ENR-65, ENR-67): its code answers
    /// WITHDRAWN. The reason stays in Enrollment; Publications keeps only what happened. NOT_REPORTED does not
    /// withdraw, as the base may still record a late report; a revocation after it does.
    /// </summary>
    public static WithdrawDocument NoticeWithdrawn(Guid applicationId, Departure departure, DateTimeOffset at) =>
        new(Documents.EnrollmentDocuments.AdmissionNoticeSubject(applicationId), $"admission {departure}", at);

    public static Refusal? Reason(string? reason, string code) =>
        string.IsNullOrWhiteSpace(reason) ? Refusal.Invalid(code, "A reason is required (ENR-65..ENR-67).")
        : reason.Trim().Length > 2000 ? Refusal.Invalid(code, "The reason has at most 2,000 characters.")
        : null;
}
