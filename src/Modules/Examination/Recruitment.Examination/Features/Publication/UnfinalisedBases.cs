namespace Recruitment.Examination.Features.Publication;

internal sealed record UnfinalisedBase(string BaseCode, string Track, int Rostered, int Scored);

/// <summary>
/// GET /api/examination/cycles/{year}/unfinalised?track= (center): from the day after the score-import deadline, every base
/// with rostered candidates that has not finalised its results (ENR-70, EXAM-15), with how many of them are scored. The center
/// may then finalise on the base's behalf with a reason (POST .../bases/{baseCode}/finalize); until then nothing is published.
/// </summary>
internal sealed class UnfinalisedBasesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.ExaminationApi().MapGet("/cycles/{year:int}/unfinalised", async (int year, string? track, IExaminationStore store, TimeProvider clock,
                CancellationToken ct) =>
            {
                var t = Track.RESIDENCY;
                if (track is not null && Filters.Parse<Track>(track, "track", "request.invalid_filter").Refused(out var bad, out t)) return bad.ToResult();
                await using var session = store.QuerySession();
                if (await session.LoadAsync<ExamCycle>(year, ct) is not { } cycle)
                    return Refusal.NotFound("cycle.not_found", $"No exam cycle {year}.").ToResult();
                if (!clock.GetUtcNow().IsPast(cycle.ScoreImportDeadline))
                    return new Refusal("unfinalised.before_deadline",
                        $"Bases finalise until {cycle.ScoreImportDeadline:O}; the list exists from the day after (ENR-70).").ToResult();
                var finalised = (await session.Query<Finalization>().Where(f => f.Year == year && f.Track == t).Select(f => f.BaseCode).ToListAsync(ct))
                    .ToHashSet(StringComparer.Ordinal);
                var entries = await session.Query<RosterEntry>().Where(e => e.Year == year && e.Track == t && e.Status == RosterStatus.ROSTERED)
                    .ToListAsync(ct);
                return Results.Ok(entries.Where(e => !finalised.Contains(e.BaseCode)).GroupBy(e => e.BaseCode).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new UnfinalisedBase(g.Key, t.ToString(), g.Count(), g.Count(e => e.Score is not null))).ToList());
            })
            .RequireAuthorization(Policies.CenterAdmin);
}
