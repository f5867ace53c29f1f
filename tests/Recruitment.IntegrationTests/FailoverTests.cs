namespace Recruitment.IntegrationTests;

/// <summary>
/// Two real hosts (child processes) on one database, as behind a load balancer. One is killed with SIGKILL in the
/// middle of the work it owns; the other, already running, takes that work over from the durable inbox and finishes
/// it exactly once: a score import (every row applied once, no audit entry, nothing dead-lettered), and the scheduled
/// messages the cycle's publication stored (the Rotation daily check and the Enrollment stage deadlines), each handled
/// once across both nodes. How fast the survivor takes over is governed by the durability settings in
/// Hosting/Messaging.cs (heartbeat and stale-node timeout); the time is printed, never asserted.
/// </summary>
[Trait("Category", "Slow")]
public sealed class FailoverTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_surviving_node_finishes_a_killed_nodes_score_import_exactly_once()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var clock = Stopwatch.StartNew();
        var idNumbers = await ScoreImportCrashTests.RosterAsync(database);
        var settings = new HostSettings(database.ConnectionString);
        // One after the other, so the first owns the import (starting together is ConcurrentStartTests' subject).
        using var first = await HostProcess.StartAsync(settings, output);
        using var second = await HostProcess.StartAsync(settings, output);
        try
        {
            output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} both hosts ready");
            using var center = await first.SignedInAsync("crash-center");
            await HttpAssertions.EventuallyAsync(async () =>
                (await center.PostAsJsonAsync("/api/examination/extensions",
                    new { year = 2024, baseCode = "B01", until = "2099-12-31T23:59:59+08:00", reason = "failover test" })).IsSuccessStatusCode,
                "the 2024 cycle reaching Examination", timeoutSeconds: 30);
            var key = await first.ApiKeyAsync();
            var body = ScoreImportCrashTests.ImportBody(idNumbers);

            // The first host acknowledges the batch, so the import is queued in its durable inbox and runs there.
            using var job = first.Client(key);
            var batchId = (await (await job.PostAsync("/api/examination/score-imports", body())).JsonAsync()).GetProperty("batchId").GetGuid();
            var chunks = (ScoreImportCrashTests.Rostered + ScoreImportCrashTests.Unknown + Examination.Domain.ScoreImportChunk.Size - 1)
                         / Examination.Domain.ScoreImportChunk.Size;
            var watch = Stopwatch.StartNew();
            var progress = await ScoreImportCrashTests.ProgressAsync(database, batchId);
            while (progress.NextChunk == 0 && watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(10);
                progress = await ScoreImportCrashTests.ProgressAsync(database, batchId);
            }
            first.Kill();
            var killedAt = clock.Elapsed;
            var atKill = await ScoreImportCrashTests.ProgressAsync(database, batchId);
            output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} killed the first host: {atKill.NextChunk} of {chunks} chunks committed");
            atKill.NextChunk.ShouldBeLessThan(chunks, "the host was killed in the middle of the batch");

            // The second host was never restarted: it notices the dead node and resumes the batch by itself.
            await HttpAssertions.EventuallyAsync(async () => (await ScoreImportCrashTests.ProgressAsync(database, batchId)).NextChunk > atKill.NextChunk,
                "the surviving host to resume the batch", timeoutSeconds: 120);
            output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} the surviving host resumed the batch {(clock.Elapsed - killedAt).TotalSeconds:0.0} s after the kill");
            await HttpAssertions.EventuallyAsync(async () => (await ScoreImportCrashTests.ProgressAsync(database, batchId)).Status == "COMPLETED",
                "the batch to complete on the surviving host", timeoutSeconds: 120);

            using var job2 = second.Client(key);
            var batch = await ScoreImportCrashTests.BatchAsync(job2, batchId);
            batch.GetProperty("accepted").GetInt32().ShouldBe(ScoreImportCrashTests.Rostered);
            batch.GetProperty("unchanged").GetInt32().ShouldBe(0);
            batch.GetProperty("rejected").GetInt32().ShouldBe(ScoreImportCrashTests.Unknown);
            await ScoreImportCrashTests.ShouldHoldExactlyTheImportedScoresAsync(database, idNumbers, batchId);
            (await database.ScalarAsync<long>("select count(*) from examination.mt_doc_scorechange")).ShouldBe(0, "no row applied twice");
            (await database.ScalarAsync<long>("select count(*) from wolverine.wolverine_dead_letters")).ShouldBe(0);
        }
        finally
        {
            first.Kill();
            second.Kill();
        }
    }

    [Fact]
    public async Task Scheduled_messages_fire_exactly_once_across_two_nodes_when_one_dies_at_start()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var settings = new HostSettings(database.ConnectionString);
        using var first = await HostProcess.StartAsync(settings, output);
        HostProcess? second = null;
        try
        {
            // The first start publishes the 2024 cycle; its stage deadlines and the Rotation daily check are stored as
            // scheduled messages, all due already (the real clock is past 2024). The second node joins while the first
            // works through them, and the first dies in the middle (see the first test on starting one after the other).
            await HttpAssertions.EventuallyAsync(async () =>
                await database.ScalarAsync<long>("select count(*) from information_schema.tables where table_schema = 'wolverine' and table_name = 'wolverine_incoming_envelopes'") > 0
                && await database.ScalarAsync<long>("select count(*) from wolverine.wolverine_incoming_envelopes where message_type like '%RunDailyRotationCheck%'") > 0,
                "the daily rotation check to be scheduled", timeoutSeconds: 90);
            second = await HostProcess.StartAsync(settings, output);
            first.Kill();
            output.WriteLine("killed the first host while both nodes shared the cycle's scheduled messages");

            await HttpAssertions.EventuallyAsync(async () =>
                    await database.ScalarAsync<long>("select count(*) from wolverine.wolverine_incoming_envelopes where status <> 'Handled' and message_type like '%RunDailyRotationCheck%'") == 0
                    && await database.ScalarAsync<long>("select count(*) from rotation.mt_doc_dailycheckrun") == 1,
                "the daily rotation check to run on the surviving host", timeoutSeconds: 120);
            await HttpAssertions.EventuallyAsync(async () =>
                    await database.ScalarAsync<long>("select count(*) from wolverine.wolverine_incoming_envelopes where status <> 'Handled' and message_type like '%CloseStage%'") == 0,
                "every stage deadline to fire", timeoutSeconds: 120);

            // Exactly once: one handled envelope per scheduled message id and destination, none dead-lettered.
            (await database.ScalarAsync<long>(
                    "select count(*) from (select id, received_at from wolverine.wolverine_incoming_envelopes where message_type like '%RunDailyRotationCheck%' group by id, received_at having count(*) > 1) d"))
                .ShouldBe(0);
            (await database.ScalarAsync<long>("select count(*) from wolverine.wolverine_dead_letters")).ShouldBe(0);
            var runs = await database.ScalarAsync<string>("select data::text from rotation.mt_doc_dailycheckrun");
            output.WriteLine($"daily check run: {runs}");
        }
        finally
        {
            first.Kill();
            second?.Kill();
            second?.Dispose();
        }
    }
}
