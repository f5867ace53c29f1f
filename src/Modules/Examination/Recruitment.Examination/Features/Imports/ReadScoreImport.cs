namespace Recruitment.Examination.Features.Imports;

internal sealed record ScoreImportView(Guid BatchId, string Status, string Format, DateTimeOffset ReceivedAt, DateTimeOffset? CompletedAt,
    int TotalRows, int ProcessedRows, int Accepted, int Unchanged, int Rejected, int Late, PagedList<RowResult> Rows);

/// <summary>
/// GET /api/examination/score-imports/{batchId}: status, progress and the per-row results (paged,
/// <c>?status=REJECTED</c> to see only the refusals). A job sees only the batches its own key sent, a base admin
/// only the batches they imported themselves (EXAM-09); the center sees every batch.
/// </summary>
internal sealed class ReadScoreImportEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.ExaminationApi("Examination: score import").MapGet("/score-imports/{batchId:guid}", async (Guid batchId, string? status, int? page,
                int? pageSize, Caller caller, IExaminationStore store, CancellationToken ct) =>
            {
                var paging = Paging.From(page, pageSize);
                RowStatus? filter = null;
                if (status is not null)
                {
                    if (Filters.Parse<RowStatus>(status, nameof(status)).Refused(out _, out var s))
                        return Refusal.Invalid("request.invalid_filter", "status must be ACCEPTED, UNCHANGED or REJECTED.").ToResult();
                    filter = s;
                }
                await using var session = store.QuerySession();
                var batch = await session.LoadAsync<ScoreImportBatch>(batchId, ct);
                if (batch is null || (!caller.Is(Roles.CenterAdmin) && batch.SubmittedBy != caller.Actor))
                    return Refusal.NotFound("import.not_found", $"No score import {batchId} for this caller.").ToResult();

                var results = (await session.Query<ScoreImportChunk>().Where(c => c.BatchId == batchId).OrderBy(c => c.Index)
                        .Select(c => c.Results).ToListAsync(ct))
                    .SelectMany(r => r).Where(r => filter is null || r.Status == filter).ToList();
                var rows = paging.Of(results.Skip(paging.Skip).Take(paging.PageSize).ToList(), results.Count);
                return Results.Ok(new ScoreImportView(batch.Id, batch.Status.ToString(), batch.Format, batch.ReceivedAt, batch.CompletedAt, batch.TotalRows,
                    batch.ProcessedRows, batch.Accepted, batch.Unchanged, batch.Rejected, batch.Late, rows));
            })
            .RequireAuthorization(Policies.ScoreImportOrCenterAdmin);
}
