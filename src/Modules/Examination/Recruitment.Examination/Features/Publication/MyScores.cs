namespace Recruitment.Examination.Features.Publication;

internal sealed record MyScore(int Year, string Track, string BaseCode, bool Published, DateTimeOffset VisibleFrom, Score? Components,
    ScoreTotals? Totals);

/// <summary>
/// GET /api/examination/me/scores: the caller's own components and total (EXAM-15), visible once their
/// base has finalised or after the import deadline at the latest; never anyone else's.
/// </summary>
internal sealed class MyScoresEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.ExaminationApi().MapGet("/me/scores", async (Caller caller, IExaminationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var applicantId = caller.AccountId;
                var now = clock.GetUtcNow();
                await using var session = store.QuerySession();
                var entries = await session.Query<RosterEntry>().Where(e => e.ApplicantId == applicantId && e.Status == RosterStatus.ROSTERED)
                    .OrderByDescending(e => e.Year).ToListAsync(ct);
                var result = new List<MyScore>();
                foreach (var e in entries)
                {
                    var cycle = await session.LoadAsync<ExamCycle>(e.Year, ct);
                    var finalized = await session.LoadAsync<Finalization>(Finalization.IdFor(e.Year, e.Track, e.BaseCode), ct);
                    var visibleFrom = finalized?.FinalizedAt ?? cycle?.ScoreImportDeadline.AddSeconds(1) ?? DateTimeOffset.MaxValue;
                    var published = finalized is not null || now >= visibleFrom;
                    result.Add(new MyScore(e.Year, e.Track.ToString(), e.BaseCode, published, visibleFrom,
                        published ? e.Score : null, published ? e.Totals : null));
                }
                return result;
            })
            .RequireAuthorization(Policies.Applicant);
}
