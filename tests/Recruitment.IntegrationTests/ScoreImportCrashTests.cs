using System.Globalization;

namespace Recruitment.IntegrationTests;

/// <summary>
/// Issue 4: a host killed (SIGKILL, no graceful stop) in the middle of a large score import loses
/// nothing it acknowledged, and nothing is applied twice, neither by the recovery nor by the job
/// re-sending the batch. The real host runs as a child process on its own database and real clock.
/// </summary>
[Trait("Category", "Slow")]
public sealed class ScoreImportCrashTests(ITestOutputHelper output)
{
    internal const int Rostered = 30_000;
    internal const int Unknown = 100;

    [Fact]
    public async Task A_host_killed_mid_import_completes_the_acknowledged_batch_after_restart_and_a_re_send_changes_nothing()
    {
        await using var database = await PostgresDatabase.CreateAsync();
        var clock = Stopwatch.StartNew();
        var idNumbers = await RosterAsync(database);
        output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} rostered {Rostered} candidates");
        var body = ImportBody(idNumbers);

        var settings = new HostSettings(database.ConnectionString);
        using var first = await HostProcess.StartAsync(settings, output);
        output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} first host ready");
        var key = await TheCenterExtendsB01AndTheJobGetsAKey();
        var batchId = await TheHostAcknowledgesTheBatchAndIsKilledMidImport();

        using var second = await HostProcess.StartAsync(settings, output);
        await TheAcknowledgedBatchCompletesAfterTheRestart();
        using var job = second.Client(key);
        await EveryRowIsAppliedExactlyOnce();
        await AReSentBatchChangesNothing();

        async Task<string> TheCenterExtendsB01AndTheJobGetsAKey()
        {
            using var center = await first.SignedInAsync("crash-center");
            // The real clock is past the 2024 deadline (16 August 2024): the center extends B01, as it would for a late base.
            await HttpAssertions.EventuallyAsync(async () =>
                (await center.PostAsJsonAsync("/api/examination/extensions",
                    new { year = 2024, baseCode = "B01", until = "2099-12-31T23:59:59+08:00", reason = "crash test" })).IsSuccessStatusCode,
                "the 2024 cycle reaching Examination", timeoutSeconds: 30);
            await HttpAssertions.EventuallyAsync(async () =>
                await database.ScalarAsync<long>("select count(*) from examination.mt_doc_examsettings") > 0, "the 2024 exam settings");
            return await first.ApiKeyAsync();
        }

        async Task<Guid> TheHostAcknowledgesTheBatchAndIsKilledMidImport()
        {
            using var job = first.Client(key);
            var accepted = await (await job.PostAsync("/api/examination/score-imports", body())).JsonAsync();
            var acknowledged = accepted.GetProperty("batchId").GetGuid();
            accepted.GetProperty("totalRows").GetInt32().ShouldBe(Rostered + Unknown);
            output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} batch {acknowledged} acknowledged");

            // Kill as soon as some, but not all, chunks are committed.
            var chunks = (Rostered + Unknown + ScoreImportChunk.Size - 1) / ScoreImportChunk.Size;
            var progress = await ProgressAsync(database, acknowledged);
            var watch = Stopwatch.StartNew();
            while (progress.NextChunk == 0 && watch.Elapsed < TimeSpan.FromSeconds(60))
            {
                await Task.Delay(10);
                progress = await ProgressAsync(database, acknowledged);
            }
            first.Kill();
            var atKill = await ProgressAsync(database, acknowledged);
            output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} killed the host: status {atKill.Status}, {atKill.NextChunk} of {chunks} chunks committed");
            atKill.NextChunk.ShouldBeGreaterThan(0, "the host was killed only once a chunk was committed");
            atKill.NextChunk.ShouldBeLessThan(chunks, "the host was killed in the middle of the batch; make the batch larger if this fails");
            return acknowledged;
        }

        async Task TheAcknowledgedBatchCompletesAfterTheRestart()
        {
            var restarted = clock.Elapsed;
            output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} second host ready");
            try
            {
                await HttpAssertions.EventuallyAsync(async () => (await ProgressAsync(database, batchId)).Status == "COMPLETED",
                    "the acknowledged batch to complete after the restart", timeoutSeconds: 120);
            }
            catch (ShouldAssertException)
            {
                output.WriteLine(await EnvelopesAsync(database));
                throw;
            }
            output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} batch completed, {(clock.Elapsed - restarted).TotalSeconds:0.0} s after the restarted host was ready");
        }

        async Task EveryRowIsAppliedExactlyOnce()
        {
            var batch = await BatchAsync(job, batchId);
            batch.GetProperty("totalRows").GetInt32().ShouldBe(Rostered + Unknown);
            batch.GetProperty("processedRows").GetInt32().ShouldBe(Rostered + Unknown);
            batch.GetProperty("accepted").GetInt32().ShouldBe(Rostered);
            batch.GetProperty("unchanged").GetInt32().ShouldBe(0);
            batch.GetProperty("rejected").GetInt32().ShouldBe(Unknown);
            batch.GetProperty("rows").GetProperty("total").GetInt32().ShouldBe(Rostered + Unknown, "one result per row, none twice");
            (await database.ScalarAsync<long>(
                    $"select count(distinct (r->>'{Json("RowNumber")}')) from examination.mt_doc_scoreimportchunk c, jsonb_array_elements(c.data->'{Json("Results")}') r where c.data->>'{Json("BatchId")}' = '{batchId}'"))
                .ShouldBe(Rostered + Unknown, "every row has exactly one result");
            await ShouldHoldExactlyTheImportedScoresAsync(database, idNumbers, batchId);
            (await database.ScalarAsync<long>("select count(*) from examination.mt_doc_scorechange"))
                .ShouldBe(0, "a first import overwrites nothing: an audit entry would mean a row was applied twice");
            (await database.ScalarAsync<long>("select count(*) from wolverine.wolverine_dead_letters")).ShouldBe(0);
        }

        // The job re-sends the very same batch: every row is UNCHANGED and nothing is audited.
        async Task AReSentBatchChangesNothing()
        {
            var again = await job.PostAsync("/api/examination/score-imports", body());
            var resentId = (await again.JsonAsync()).GetProperty("batchId").GetGuid();
            await HttpAssertions.EventuallyAsync(async () => (await ProgressAsync(database, resentId)).Status == "COMPLETED",
                "the re-sent batch to complete", timeoutSeconds: 60);
            var resent = await BatchAsync(job, resentId);
            resent.GetProperty("accepted").GetInt32().ShouldBe(0);
            resent.GetProperty("unchanged").GetInt32().ShouldBe(Rostered);
            resent.GetProperty("rejected").GetInt32().ShouldBe(Unknown);
            await ShouldHoldExactlyTheImportedScoresAsync(database, idNumbers, batchId);
            (await database.ScalarAsync<long>("select count(*) from examination.mt_doc_scorechange")).ShouldBe(0);
            output.WriteLine($"{clock.Elapsed:mm\\:ss\\.f} re-sent batch {resentId} completed: all UNCHANGED");
        }
    }

    /// <summary>
    /// Rosters the candidates straight into Examination's store through an in-process host on the same
    /// database (the module's own mapping and schema), then stops that host before the real one starts.
    /// </summary>
    internal static async Task<string[]> RosterAsync(PostgresDatabase database)
    {
        var idNumbers = Enumerable.Range(0, Rostered).Select(_ => TestIds.NewResidentId()).ToArray();
        await using var seeding = RecruitmentApp.On(database);
        await seeding.InitializeAsync();
        var now = DateTimeOffset.UtcNow;
        var entries = idNumbers.Select(id => new RosterEntry
        {
            Id = Guid.NewGuid(),
            Year = 2024,
            Track = Track.RESIDENCY,
            BaseCode = "B01",
            SpecialtyCode = "GP",
            DocumentNumber = id,
            Name = "测试",
            Category = "INDEPENDENT",
            Status = RosterStatus.ROSTERED,
            RosteredAt = now,
        }).ToList();
        await seeding.Service<IExaminationStore>().BulkInsertAsync(entries, batchSize: 5_000);
        return idNumbers;
    }

    private static decimal TheoryScore(int i) => 40m + i % 600 / 10m;
    private static int InterviewScore(int i) => 50 + i % 50;

    /// <summary>Builds the batch body once; each call returns fresh content for one POST.</summary>
    internal static Func<HttpContent> ImportBody(string[] idNumbers)
    {
        var rows = idNumbers.Select((id, i) => (object)new
        {
            cycleYear = 2024,
            track = "RESIDENCY",
            baseCode = "B01",
            idNumber = id,
            theoryScore = TheoryScore(i),
            interviewScore = InterviewScore(i),
            assessmentResult = "PASS",
        })
            .Concat(Enumerable.Range(0, Unknown).Select(_ => (object)new
            {
                cycleYear = 2024,
                track = "RESIDENCY",
                baseCode = "B01",
                idNumber = TestIds.NewResidentId(),
                theoryScore = 60,
                interviewScore = 60,
                assessmentResult = "PASS",
            }))
            .ToList();
        var json = JsonSerializer.SerializeToUtf8Bytes(new { sourceSystem = "crash-test", rows });
        return () =>
        {
            var content = new ByteArrayContent(json);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            return content;
        };
    }

    internal static async Task ShouldHoldExactlyTheImportedScoresAsync(PostgresDatabase database, string[] idNumbers, Guid batchId)
    {
        var expected = idNumbers.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var seen = 0;
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"select data->>'{Json("DocumentNumber")}', data->'{Json("Score")}'->>'{Json("Theory")}', data->'{Json("Score")}'->>'{Json("Interview")}', " +
            $"data->>'{Json("ScoredByBatch")}' from examination.mt_doc_rosterentry", connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var i = expected[reader.GetString(0)];
            (reader.IsDBNull(1) ? (decimal?)null : decimal.Parse(reader.GetString(1), System.Globalization.CultureInfo.InvariantCulture))
                .ShouldBe(TheoryScore(i), $"candidate {i}");
            decimal.Parse(reader.GetString(2), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(InterviewScore(i), $"candidate {i}");
            Guid.Parse(reader.GetString(3)).ShouldBe(batchId);
            seen++;
        }
        seen.ShouldBe(Rostered);
    }

    /// <summary>What Wolverine holds for the import, to explain a batch that never completes.</summary>
    internal static async Task<string> EnvelopesAsync(PostgresDatabase database)
    {
        var text = new StringBuilder("incoming envelopes (type, status, owner, attempts):\n");
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand(
                         "select message_type, status, owner_id, attempts from wolverine.wolverine_incoming_envelopes where message_type like '%ScoreImport%'", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync()) text.AppendLine(CultureInfo.InvariantCulture, $"  {reader.GetString(0)} {reader.GetString(1)} {reader.GetInt32(2)} {reader.GetInt32(3)}");
        }
        await using (var command = new NpgsqlCommand("select node_number, id, health_check from wolverine.wolverine_nodes", connection))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            text.AppendLine("nodes:");
            while (await reader.ReadAsync()) text.AppendLine(CultureInfo.InvariantCulture, $"  {reader.GetInt32(0)} {reader.GetGuid(1)} {reader.GetValue(2)}");
        }
        return text.ToString();
    }

    internal sealed record Progress(string? Status, int NextChunk);

    internal static async Task<Progress> ProgressAsync(PostgresDatabase database, Guid batchId)
    {
        var text = await database.ScalarAsync<string>($"select data::text from examination.mt_doc_scoreimportbatch where id = '{batchId}'");
        if (text is null) return new Progress(null, 0);
        var batch = JsonDocument.Parse(text).RootElement;
        if (!batch.TryGetProperty(Json("Status"), out _)) throw new ShouldAssertException($"unexpected batch document: {text}");
        var status = batch.GetProperty(Json("Status"));
        return new Progress(status.ValueKind == JsonValueKind.Number ? ((ImportStatus)status.GetInt32()).ToString() : status.GetString(),
            batch.GetProperty(Json("NextChunk")).GetInt32());
    }

    internal static async Task<JsonElement> BatchAsync(HttpClient job, Guid batchId) =>
        await (await job.GetAsync($"/api/examination/score-imports/{batchId}?pageSize=1")).JsonAsync();

    /// <summary>Marten's JSON property name for a document property read with SQL here (Marten keeps the .NET names).</summary>
    private static string Json(string property) => property;
}
