using Recruitment.Examination.Features.Publication;

namespace Recruitment.Examination.Features.Corrections;

public sealed record CorrectionRequest(string? TheoryScore, string? SkillScore, string? InterviewScore, string? AssessmentResult,
    string? AbsentComponents, string? ExamDate, string? Reason);

public sealed record CorrectScore(Guid CandidateId, Caller Caller, CorrectionRequest Request);

public sealed record ScoreCorrected(Guid CandidateId, decimal Total, bool Passed, int Revision, bool Republished);

/// <summary>
/// POST /api/examination/candidates/{candidateId}/corrections (center only, with a reason): replaces a
/// candidate's components under the same checks as an import row, with an audit entry (EXAM-16). When
/// the base has already published, the corrected result is republished to Enrollment as a new revision.
/// </summary>
internal sealed class CorrectScoreEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.ExaminationApi().MapPost("/candidates/{candidateId:guid}/corrections", (Guid candidateId, CorrectionRequest request, Caller caller,
                IMessageBus bus, CancellationToken ct) => bus.SendAsync<ScoreCorrected>(new CorrectScore(candidateId, caller, request), ct))
            .RequireAuthorization(Policies.CenterAdmin);
}

[MartenStore(typeof(IExaminationStore))]
public static class CorrectScoreHandler
{
    public static async Task<Outcome<ScoreCorrected>> Handle(CorrectScore command, IDocumentSession session, IExaminationStore store, IMessageContext bus,
        TimeProvider clock, CancellationToken ct)
    {
        // Serialised with imports and finalisations, committed under the lock, so revisions never go backwards.
        await using var importLock = await ImportLock.AcquireAsync(store, ct);
        var r = command.Request;
        if (string.IsNullOrWhiteSpace(r.Reason)) return Refusal.Invalid("correction.reason_required", "A correction states its reason (EXAM-16).");
        var entry = await session.LoadAsync<RosterEntry>(command.CandidateId, ct);
        if (entry is not { Status: RosterStatus.ROSTERED })
            return Refusal.NotFound("candidate.not_found", $"No rostered candidate {command.CandidateId}.");
        if (await session.LoadAsync<ExamSettings>(entry.Year, ct) is not { } settings)
            return Refusal.NotFound("cycle.not_found", $"No exam settings for {entry.Year}.");
        var row = RowChecks.Check(1, new ScoreImportRow(entry.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), entry.Track.ToString(),
            entry.BaseCode, entry.DocumentNumber, entry.SpecialtyCode, r.TheoryScore, r.SkillScore, r.InterviewScore, r.AssessmentResult,
            r.AbsentComponents, r.ExamDate, "correction"), new Dictionary<int, ExamSettings> { [entry.Year] = settings }, []);
        if (row.Problem is not null) return Refusal.Invalid("correction.invalid", $"{row.Problem}: {row.Reason}.");

        var now = clock.GetUtcNow();
        session.Store(new ScoreChange
        {
            Id = Guid.CreateVersion7(),
            CandidateId = entry.Id,
            Actor = command.Caller.Actor,
            Reason = r.Reason.Trim(),
            Old = entry.Score,
            New = row.Score!,
            At = now,
        });
        entry.Score = row.Score;
        entry.Totals = Scoring.Totals(row.Score!, settings.Scoring[entry.Track]);
        entry.ScoredAt = now;
        entry.ScoredByBatch = null;
        session.Store(entry);

        var published = await session.LoadAsync<Finalization>(Finalization.IdFor(entry.Year, entry.Track, entry.BaseCode), ct) is not null;
        if (published) await bus.PublishAsync(ResultPublication.Publish(entry, session, now));
        await session.SaveChangesAsync(ct);
        return new ScoreCorrected(entry.Id, entry.Totals.Total, entry.Totals.Passed, entry.Revision, published);
    }
}
