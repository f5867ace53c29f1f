namespace Recruitment.Examination.Features.Rosters;

/// <summary>
/// Rosters follow Enrollment (EXAM-04). Every handler is idempotent and order-tolerant: a redelivered
/// message leaves the same entry, and a removal that happened later than an eligibility is never undone
/// by that eligibility arriving late (each message type has its own queue, so order is not guaranteed).
/// </summary>
[MartenStore(typeof(IExaminationStore))]
public static class RosterUpdatesHandler
{
    public static async Task Handle(CandidateEligibleForExams m, IDocumentSession session, CancellationToken ct)
    {
        var entry = await session.LoadAsync<RosterEntry>(m.CandidateId, ct) ?? new RosterEntry { Id = m.CandidateId };
        if (entry.RemovedAt > m.At) return;
        entry.ApplicantId = m.ApplicantId;
        entry.Year = m.Year;
        entry.Track = m.Track;
        entry.BaseCode = m.BaseCode;
        entry.SpecialtyCode = m.SpecialtyCode;
        entry.OtherSpecialty = m.OtherSpecialty;
        entry.DocumentNumber = m.DocumentNumber;
        entry.Name = m.Name;
        entry.Category = m.Category;
        entry.ExemptionRequested = m.ExemptionRequested;
        entry.Status = RosterStatus.ROSTERED;
        entry.RosteredAt = m.At;
        entry.RemovedAt = null;
        entry.RemovalReason = null;
        session.Store(entry);
    }

    public static Task Handle(CandidateWithdrawn m, IDocumentSession session, CancellationToken ct) =>
        Remove(session, m.CandidateId, m.Year, RosterStatus.WITHDRAWN, m.At, null, ct);

    public static Task Handle(CandidateCancelled m, IDocumentSession session, CancellationToken ct) =>
        Remove(session, m.CandidateId, m.Year, RosterStatus.CANCELLED, m.At, m.Reason, ct);

    private static async Task Remove(IDocumentSession session, Guid candidateId, int year, RosterStatus status, DateTimeOffset at,
        string? reason, CancellationToken ct)
    {
        var entry = await session.LoadAsync<RosterEntry>(candidateId, ct) ?? new RosterEntry { Id = candidateId, Year = year };
        if (entry.RosteredAt > at || entry.RemovedAt is not null) return;
        entry.Status = status;
        entry.RemovedAt = at;
        entry.RemovalReason = reason;
        session.Store(entry);
    }
}
