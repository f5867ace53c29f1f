using System.Text.Json;
using static Recruitment.Examination.Tests.Candidates;

namespace Recruitment.Examination.Tests;

/// <summary>
/// Issue 4: imports for the same base sent at the same time are applied one after the other, whole
/// batch after whole batch. Each batch spans two chunks (two transactions) and lists the candidates
/// in its own order, so imports that interleaved, chunk by chunk or inside a chunk, would leave some
/// candidates with one batch's scores and the rest with another's, and audit entries whose previous
/// values come from different batches.
/// </summary>
[Collection(ImportConcurrencyCollection.Name)]
public sealed class ScoreImportConcurrencyTests(RecruitmentApp app)
{
    private const int CandidateCount = ScoreImportChunk.Size + 1_000;
    private const int Batches = 4;

    [Fact]
    public async Task Concurrent_imports_for_one_base_leave_every_candidate_with_the_batch_that_completed_last()
    {
        app.Clock.Set(2024, 7, 20);
        var candidates = await RosterManyAsync(CandidateCount);
        using var job = await app.JobAsync();

        var posted = await Task.WhenAll(Enumerable.Range(0, Batches).Select(async k =>
        {
            var response = await job.PostAsJsonAsync("/api/examination/score-imports", new { sourceSystem = "concurrency", rows = Rows(candidates, k) });
            return (Batch: k, Id: (await response.JsonAsync()).GetProperty("batchId").GetGuid());
        }));
        var batchOf = posted.ToDictionary(p => p.Id, p => p.Batch);

        foreach (var (_, id) in posted)
        {
            var batch = await CompletedAsync(job, id);
            batch.GetProperty("totalRows").GetInt32().ShouldBe(CandidateCount);
            batch.GetProperty("processedRows").GetInt32().ShouldBe(CandidateCount);
            (batch.GetProperty("accepted").GetInt32() + batch.GetProperty("unchanged").GetInt32() + batch.GetProperty("rejected").GetInt32())
                .ShouldBe(CandidateCount, "every row counted once");
            // Each batch carries values no other batch has: every row changes the score it finds.
            batch.GetProperty("accepted").GetInt32().ShouldBe(CandidateCount);
        }

        await using var session = app.Service<IExaminationStore>().QuerySession();
        var ids = candidates.Select(c => c.Id).ToArray();

        // The batch that completed last: its final commit is the latest write of any of these batches.
        var completedAt = new Dictionary<Guid, DateTimeOffset>();
        foreach (var id in batchOf.Keys)
        {
            var document = (await session.LoadAsync<ScoreImportBatch>(id)).ShouldNotBeNull();
            completedAt[id] = (await session.MetadataForAsync(document)).ShouldNotBeNull().LastModified;
        }
        var last = completedAt.MaxBy(c => c.Value).Key;

        var entries = await session.Query<RosterEntry>().Where(e => e.Id.IsOneOf(ids)).ToListAsync();
        entries.Count.ShouldBe(CandidateCount);
        entries.GroupBy(e => e.ScoredByBatch).Select(g => g.Key).ShouldBe([last], "every candidate ends with the same, last batch: never a mix");
        entries.ShouldAllBe(e => e.Score!.Theory == TheoryOf(batchOf[last]) && e.Score.Interview == InterviewOf(batchOf[last]));

        // The audit trail replays the batches in one order: the first finds no score, each later one
        // replaces, for every candidate, the values of one and the same predecessor.
        var changes = await session.Query<ScoreChange>().Where(c => c.CandidateId.IsOneOf(ids)).ToListAsync();
        changes.Count.ShouldBe((Batches - 1) * CandidateCount);
        var predecessors = changes.GroupBy(c => c.BatchId!.Value).ToDictionary(
            g => g.Key,
            g => g.Select(c => c.Old!.Theory).Distinct().ShouldHaveSingleItem($"batch {batchOf[g.Key]} overwrote the scores of a single batch"));
        predecessors.Count.ShouldBe(Batches - 1);
        var first = batchOf.Keys.Single(id => !predecessors.ContainsKey(id));
        var order = new List<int> { batchOf[first] };
        while (order.Count < Batches)
        {
            var next = predecessors.Where(p => p.Value == TheoryOf(order[^1])).ShouldHaveSingleItem().Key;
            order.Add(batchOf[next]);
        }
        order[^1].ShouldBe(batchOf[last], $"the batches were applied in the order {string.Join(", ", order)}");
    }

    private static decimal TheoryOf(int batch) => 61 + batch;
    private static decimal InterviewOf(int batch) => 71 + batch;

    /// <summary>Batch k lists every candidate, starting at its own offset, alternately forwards and backwards.</summary>
    private static List<object> Rows(List<(Guid Id, string IdNumber)> candidates, int k)
    {
        var offset = k * candidates.Count / Batches;
        var order = Enumerable.Range(0, candidates.Count).Select(i => candidates[(i + offset) % candidates.Count]);
        if (k % 2 == 1) order = order.Reverse();
        return order.Select(c => Row(c.IdNumber, theory: TheoryOf(k), interview: InterviewOf(k))).ToList();
    }

    /// <summary>Rostered straight into the module's store: thousands of messages would only slow the test down.</summary>
    private async Task<List<(Guid Id, string IdNumber)>> RosterManyAsync(int count)
    {
        var candidates = Enumerable.Range(0, count).Select(_ => (Id: Guid.NewGuid(), IdNumber: TestIds.NewResidentId())).ToList();
        var now = app.Clock.GetUtcNow();
        await app.Service<IExaminationStore>().BulkInsertAsync(candidates.Select(c => new RosterEntry
        {
            Id = c.Id,
            Year = 2024,
            Track = Track.RESIDENCY,
            BaseCode = "B01",
            SpecialtyCode = "GP",
            DocumentNumber = c.IdNumber,
            Name = "测试",
            Category = "INDEPENDENT",
            Status = RosterStatus.ROSTERED,
            RosteredAt = now,
        }).ToList());
        return candidates;
    }

    private static async Task<JsonElement> CompletedAsync(HttpClient job, Guid batchId)
    {
        JsonElement batch = default;
        await HttpAssertions.EventuallyAsync(async () =>
        {
            batch = await (await job.GetAsync($"/api/examination/score-imports/{batchId}?pageSize=1")).JsonAsync();
            return batch.GetProperty("status").GetString() == "COMPLETED";
        }, $"score import {batchId} to complete", timeoutSeconds: 120);
        return batch;
    }
}
