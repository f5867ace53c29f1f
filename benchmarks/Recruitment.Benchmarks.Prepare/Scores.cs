using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx;
using Marten;
using Npgsql;
using Recruitment.Enrollment;
using Recruitment.Enrollment.Contracts;
using Recruitment.Enrollment.Domain;
using Recruitment.Examination;
using Recruitment.Examination.Domain;

/// <summary>
/// The score import benchmark of build/bench.sh: set-up (rosters and applications seeded in bulk through the modules'
/// own Marten mappings, the CSV files written) and the measured run (COPY, import, finalisation), driven from here so
/// that every interval is read with one clock and the host's and PostgreSQL's CPU from /proc around it.
/// </summary>
internal static class ScoreBench
{
    private static readonly JsonSerializerOptions ProfileJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public const int Year = 2024;
    private static readonly string[] Bases = Enumerable.Range(1, 12).Select(b => $"B{b:D2}").ToArray();
    private const string WarmUpBase = "B07";
    private const int WarmUpFinalized = 2_000;

    private const string Header = "cycleYear,track,baseCode,idNumber,specialtyCode,theoryScore,skillScore,interviewScore,assessmentResult,absentComponents,examDate,sourceSystem";

    /// <summary>
    /// The plain table the same CSV is copied into (the columns as their types, no key, no index), and for comparison
    /// a table shaped like a Marten document table: each row as one jsonb document under a uuid primary key.
    /// </summary>
    public const string CopyTable = """
        create schema if not exists bench_copy;
        drop table if exists bench_copy.score_rows;
        create table bench_copy.score_rows (
            cycle_year int, track text, base_code text, id_number text, specialty_code text, theory_score numeric(5, 2),
            skill_score numeric(5, 2), interview_score numeric(5, 2), assessment_result text, absent_components text,
            exam_date date, source_system text);
        drop table if exists bench_copy.score_documents;
        create table bench_copy.score_documents (id uuid primary key, data jsonb not null);
        """;

    private sealed record Candidate(Guid Id, Guid ApplicantId, string IdNumber, Track Track, string BaseCode);

    /// <summary>
    /// scores-seed CONNECTION COUNT WARMUP CSV WARMUP_CSV: COUNT residency candidates spread over B01..B12, each on the
    /// Examination roster and with a CONFIRMED application in Enrollment (stream and inline snapshot, so that their
    /// results are recorded when published); WARMUP assistant-GP candidates on the roster only, 2,000 of them at B07
    /// (the warm-up finalises that base) and the rest over the other bases. The CSV files hold one score row per candidate.
    /// </summary>
    public static async Task<int> Seed(string connectionString, int count, int warmUp, string csvFile, string warmUpFile)
    {
        var clock = Stopwatch.StartNew();
        var first = Random.Shared.Next(0, 9_000_000 - count - warmUp);
        var candidates = Enumerable.Range(0, count)
            .Select(i => new Candidate(Guid.CreateVersion7(), Guid.CreateVersion7(), Bench.ResidentId(first + i), Track.RESIDENCY, Bases[i % Bases.Length]))
            .ToList();
        // The warm-up's assistant-GP candidates: the first WarmUpFinalized at B07 (finalised in the warm-up), the rest at the other bases.
        var otherBases = Bases.Where(b => b != WarmUpBase).ToArray();
        var warmUpCandidates = Enumerable.Range(0, warmUp)
            .Select(i => new Candidate(Guid.CreateVersion7(), Guid.CreateVersion7(), Bench.ResidentId(first + count + i), Track.ASSISTANT_GP,
                i < WarmUpFinalized ? WarmUpBase : otherBases[i % otherBases.Length]))
            .ToList();
        var now = DateTimeOffset.UtcNow;

        using (var examination = Store(connectionString, ExaminationModule.Info.Schema, ExaminationModule.ConfigureStore))
        {
            var entries = candidates.Concat(warmUpCandidates).Select(c => new RosterEntry
            {
                Id = c.Id,
                ApplicantId = c.ApplicantId,
                Year = Year,
                Track = c.Track,
                BaseCode = c.BaseCode,
                SpecialtyCode = c.Track == Track.ASSISTANT_GP ? AssistantGpForm.SpecialtyCode : "GP",
                DocumentNumber = c.IdNumber,
                Name = "张三",
                Category = "INDEPENDENT",
                Status = RosterStatus.ROSTERED,
                RosteredAt = now,
            }).ToList();
            await examination.BulkInsertAsync(entries, Weasel.Core.BulkInsertMode.InsertsOnly, batchSize: 10_000);
        }
        Console.Error.WriteLine($"prepare: {candidates.Count + warmUpCandidates.Count} roster entries in {clock.Elapsed.TotalSeconds:0.0} s");

        using (var enrollment = Store(connectionString, EnrollmentModule.Info.Schema, EnrollmentModule.ConfigureStore))
        {
            var profile = JsonSerializer.Deserialize<Recruitment.Enrollment.Domain.Profile>(Bench.Profile, ProfileJson)!;
            var submitted = new DateTimeOffset(2024, 6, 20, 10, 0, 0, TimeSpan.FromHours(8));
            var done = 0;
            await Parallel.ForEachAsync(candidates.Chunk(1_000), new ParallelOptions { MaxDegreeOfParallelism = 2 }, async (chunk, ct) =>
            {
                await using var session = enrollment.LightweightSession();
                foreach (var c in chunk)
                {
                    var choice = new ApplicationChoice(c.BaseCode, "GP", null, Category.INDEPENDENT, null, null, true, true, false, true);
                    session.Events.StartStream<Application>(c.Id,
                        new ApplicationSubmitted(Year, c.ApplicantId, c.IdNumber, "张三", "13912345678", choice, profile, [], c.ApplicantId.ToString(), submitted),
                        new ApplicationApproved(null, "bench-base", submitted.AddDays(5)),
                        new OnsiteConfirmed(false, "bench-base", submitted.AddDays(12)));
                }
                await session.SaveChangesAsync(ct);
                if (Interlocked.Add(ref done, chunk.Length) % 20_000 == 0) Console.Error.WriteLine($"prepare: {done} applications");
            });
        }
        Console.Error.WriteLine($"prepare: {candidates.Count} confirmed applications after {clock.Elapsed.TotalSeconds:0.0} s");

        await File.WriteAllTextAsync(csvFile, Csv(candidates, new Random(20240816)));
        await File.WriteAllTextAsync(warmUpFile, Csv(warmUpCandidates, new Random(1)));
        return 0;
    }

    private static DocumentStore Store(string connectionString, string schema, Action<StoreOptions> configure) => DocumentStore.For(opts =>
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        // The host created every table and function at its start; the set-up only writes rows.
        opts.AutoCreateSchemaObjects = AutoCreate.None;
        configure(opts);
    });

    /// <summary>
    /// One row per candidate as an exam system would export them: whole and half points, a skill score for most,
    /// 2 % absent (no scores, the missed components named), FAIL below 60 of the raw written score.
    /// </summary>
    private static string Csv(IEnumerable<Candidate> candidates, Random random)
    {
        var text = new StringBuilder(Header).Append('\n');
        foreach (var c in candidates)
        {
            var date = $"2024-08-{random.Next(1, 16):D2}";
            if (random.NextDouble() < 0.02)
            {
                text.Append(CultureInfo.InvariantCulture, $"{Year},{c.Track},{c.BaseCode},{c.IdNumber},,,,,ABSENT,WRITTEN;INTERVIEW,{date},bench\n");
                continue;
            }
            var theory = Points(random, 68, 12);
            var skill = random.NextDouble() < 0.8 ? Points(random, 74, 10).ToString(CultureInfo.InvariantCulture) : "";
            var interview = Points(random, 78, 9);
            var result = theory >= 60 ? "PASS" : "FAIL";
            text.Append(CultureInfo.InvariantCulture,
                $"{Year},{c.Track},{c.BaseCode},{c.IdNumber},{(c.Track == Track.ASSISTANT_GP ? "AGP" : "GP")},{theory},{skill},{interview},{result},,{date},bench\n");
        }
        return text.ToString();
    }

    private static decimal Points(Random random, double mean, double sd)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (decimal)(Math.Round(Math.Clamp(mean + sd * normal, 0, 100) * 2) / 2);
    }

    /// <summary>
    /// scores-measure URL API_KEY TOKEN CONNECTION CSV WARMUP_CSV HOST_PID POSTMASTER_PID OUT: warm-up (one COPY of each
    /// kind, the warm-up import and the finalisation of its 2,000 candidates at B07, uncounted), then COPY, import, COPY,
    /// finalisation of B01..B12, COPY.
    /// Writes "key value" lines to OUT.
    /// </summary>
    public static async Task<int> Measure(Uri url, string apiKey, string token, string connectionString, string csvFile, string warmUpFile,
        int hostPid, int postmasterPid, string outFile)
    {
        var results = new List<(string Key, object Value)>();
        void Put(string key, object value)
        {
            results.Add((key, value));
            Console.Error.WriteLine($"scores: {key} {Format(value)}");
        }

        using var http = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(10) };
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await Execute(db, CopyTable);
        var csv = await File.ReadAllBytesAsync(csvFile);
        var csvText = Encoding.UTF8.GetString(csv);
        var rows = csvText.Count(c => c == '\n') - 1;
        Put("rows", rows);
        Put("csv_bytes", csv.Length);

        // Warm-up, uncounted: the JIT, the pools and the caches see every path once.
        await CopyAsync(db, csvText);
        await CopyDocumentsAsync(db, Documents(csvText));
        var warmUp = await File.ReadAllBytesAsync(warmUpFile);
        var warmUpBatch = await PostImportAsync(http, apiKey, warmUp);
        await WaitAsync(db, "select data->>'Status' from examination.mt_doc_scoreimportbatch where id = @id", warmUpBatch, s => s is "2" or "COMPLETED");
        await FinalizeAsync(http, token, WarmUpBase, "ASSISTANT_GP");
        await WaitAsync(db, "select count(*)::text from wolverine.wolverine_incoming_envelopes where message_type like '%CandidateScored%' and status <> 'Handled'",
            null, s => s == "0");
        Console.Error.WriteLine("scores: warm-up done");

        var documents = Documents(csvText);
        async Task TimedCopy(int round)
        {
            var pg = Cpu.Postgres(postmasterPid);
            var watch = Stopwatch.StartNew();
            await CopyAsync(db, csvText);
            Put($"copy_seconds_{round}", watch.Elapsed.TotalSeconds);
            Put($"copy_pg_cpu_seconds_{round}", Cpu.Postgres(postmasterPid).Since(pg));
            Put($"copy_rows_{round}", long.Parse(await Scalar(db, "select count(*)::text from bench_copy.score_rows"), CultureInfo.InvariantCulture));
            pg = Cpu.Postgres(postmasterPid);
            watch.Restart();
            await CopyDocumentsAsync(db, documents);
            Put($"copy_documents_seconds_{round}", watch.Elapsed.TotalSeconds);
            Put($"copy_documents_pg_cpu_seconds_{round}", Cpu.Postgres(postmasterPid).Since(pg));
        }

        Put("load_before", Load());
        await TimedCopy(1);

        // The import: POST (parse, row checks, batch and chunks stored, processing queued), then chunk by chunk.
        var host = Cpu.Process(hostPid);
        var pgImport = Cpu.Postgres(postmasterPid);
        var clock = Stopwatch.StartNew();
        var batchId = await PostImportAsync(http, apiKey, csv);
        Put("import_accepted_seconds", clock.Elapsed.TotalSeconds);
        await WaitAsync(db, "select data->>'Status' from examination.mt_doc_scoreimportbatch where id = @id", batchId, s => s is "2" or "COMPLETED");
        Put("import_completed_seconds", clock.Elapsed.TotalSeconds);
        Put("import_host_cpu_seconds", Cpu.Process(hostPid).Since(host));
        Put("import_pg_cpu_seconds", Cpu.Postgres(postmasterPid).Since(pgImport));
        Put("load_after_import", Load());
        using (var read = new HttpRequestMessage(HttpMethod.Get, $"/api/examination/score-imports/{batchId}?pageSize=1"))
        {
            read.Headers.Add("X-Api-Key", apiKey);
            var batch = await (await Authorised(http.SendAsync(read))).Content.ReadFromJsonAsync<JsonElement>();
            foreach (var name in new[] { "totalRows", "processedRows", "accepted", "unchanged", "rejected", "late" })
                Put($"import_{name}", batch.GetProperty(name).GetInt32());
        }

        await TimedCopy(2);

        // Finalisation: each base publishes a CandidateScored per scored candidate through the outbox; Enrollment
        // records each (one ExamResultRecorded event on the application's stream). Done when every one is recorded.
        var sequence = long.Parse(await Scalar(db, "select coalesce(max(seq_id), 0)::text from enrollment.mt_events"), CultureInfo.InvariantCulture);
        host = Cpu.Process(hostPid);
        var pgFinalize = Cpu.Postgres(postmasterPid);
        clock.Restart();
        var published = 0;
        var slowest = 0.0;
        foreach (var baseCode in Bases)
        {
            var started = clock.Elapsed;
            var finalized = await FinalizeAsync(http, token, baseCode, "RESIDENCY");
            published += finalized.GetProperty("published").GetInt32();
            slowest = Math.Max(slowest, (clock.Elapsed - started).TotalSeconds);
        }
        Put("finalize_responses_seconds", clock.Elapsed.TotalSeconds);
        Put("finalize_slowest_response_seconds", slowest);
        Put("finalize_published", published);
        await WaitAsync(db, $"select count(*)::text from enrollment.mt_events where seq_id > {sequence} and type = 'exam_result_recorded'", null,
            s => long.Parse(s ?? "0", CultureInfo.InvariantCulture) >= published, pollMilliseconds: 100);
        Put("finalize_handled_seconds", clock.Elapsed.TotalSeconds);
        Put("finalize_host_cpu_seconds", Cpu.Process(hostPid).Since(host));
        Put("finalize_pg_cpu_seconds", Cpu.Postgres(postmasterPid).Since(pgFinalize));
        Put("load_after_finalize", Load());
        Put("recorded_events", long.Parse(await Scalar(db, $"select count(*)::text from enrollment.mt_events where seq_id > {sequence}"), CultureInfo.InvariantCulture));
        Put("examined_applications", long.Parse(await Scalar(db,
            "select count(*)::text from enrollment.mt_doc_application where data->>'Status' in ('8', 'EXAMINED', '9', 'ABSENT')"), CultureInfo.InvariantCulture));
        Put("dead_letters", long.Parse(await Scalar(db, "select count(*)::text from wolverine.wolverine_dead_letters"), CultureInfo.InvariantCulture));

        await TimedCopy(3);
        await File.WriteAllLinesAsync(outFile, results.Select(r => $"{r.Key} {Format(r.Value)}"));
        return 0;
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("0.000", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Load() => string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    private static async Task CopyAsync(NpgsqlConnection db, string csv)
    {
        await Execute(db, "truncate bench_copy.score_rows");
        await using var writer = await db.BeginTextImportAsync("copy bench_copy.score_rows from stdin (format csv, header true)");
        await writer.WriteAsync(csv);
    }

    /// <summary>
    /// The CSV's rows as COPY text lines "id TAB json", one JSON object per row with the CSV's column names and values
    /// (numbers unquoted, empty cells null), built before the clock starts. The benchmark's CSV has no quoted cells.
    /// </summary>
    private static string Documents(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var names = lines[0].Split(',');
        var numeric = new HashSet<string> { "cycleYear", "theoryScore", "skillScore", "interviewScore" };
        var text = new StringBuilder();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Split(',');
            text.Append(Guid.CreateVersion7()).Append('\t').Append('{');
            for (var i = 0; i < names.Length; i++)
            {
                if (i > 0) text.Append(',');
                var value = cells[i].Length == 0 ? "null" : numeric.Contains(names[i]) ? cells[i] : $"\"{cells[i]}\"";
                text.Append('"').Append(names[i]).Append("\":").Append(value);
            }
            text.Append("}\n");
        }
        return text.ToString();
    }

    private static async Task CopyDocumentsAsync(NpgsqlConnection db, string documents)
    {
        await Execute(db, "truncate bench_copy.score_documents");
        await using var writer = await db.BeginTextImportAsync("copy bench_copy.score_documents (id, data) from stdin");
        await writer.WriteAsync(documents);
    }

    private static async Task<Guid> PostImportAsync(HttpClient http, string apiKey, byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/examination/score-imports") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        request.Headers.Add("X-Api-Key", apiKey);
        var response = await Authorised(http.SendAsync(request));
        if (response.StatusCode != HttpStatusCode.Accepted) throw new HttpRequestException($"import answered {(int)response.StatusCode}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("batchId").GetGuid();
    }

    private static async Task<JsonElement> FinalizeAsync(HttpClient http, string token, string baseCode, string track)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/examination/bases/{baseCode}/finalize")
        {
            Content = JsonContent.Create(new { year = Year, track }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await (await Authorised(http.SendAsync(request))).Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<HttpResponseMessage> Authorised(Task<HttpResponseMessage> call)
    {
        var response = await call;
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} "
                                           + await response.Content.ReadAsStringAsync(), null, response.StatusCode);
        return response;
    }

    /// <summary>Polls a one-value query (cheap: a key lookup or an index range) until the value satisfies the condition.</summary>
    private static async Task WaitAsync(NpgsqlConnection db, string sql, Guid? id, Func<string?, bool> done, int pollMilliseconds = 20)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            await using var command = new NpgsqlCommand(sql, db);
            if (id is { } value) command.Parameters.AddWithValue("id", value);
            if (done((await command.ExecuteScalarAsync())?.ToString())) return;
            if (deadline.Elapsed > TimeSpan.FromMinutes(15)) throw new TimeoutException($"waited 15 minutes for: {sql}");
            await Task.Delay(pollMilliseconds);
        }
    }

    private static async Task Execute(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string> Scalar(NpgsqlConnection db, string sql)
    {
        await using var command = new NpgsqlCommand(sql, db);
        return (await command.ExecuteScalarAsync())?.ToString() ?? "";
    }

    /// <summary>CPU time (user + system) from /proc, in seconds: one process, or a postmaster and its children.</summary>
    private sealed record Cpu(Dictionary<int, long> Ticks)
    {
        private static readonly double TicksPerSecond = 100; // USER_HZ: 100 on Linux

        public static Cpu Process(int pid) => new(new Dictionary<int, long> { [pid] = Read(pid) ?? 0 });

        public static Cpu Postgres(int postmaster)
        {
            var ticks = new Dictionary<int, long> { [postmaster] = Read(postmaster) ?? 0 };
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
                if (int.TryParse(Path.GetFileName(dir), out var pid) && Parent(pid) == postmaster && Read(pid) is { } t) ticks[pid] = t;
            return new Cpu(ticks);
        }

        /// <summary>Seconds used since <paramref name="before"/> by the processes alive now (those that ended meanwhile are lost).</summary>
        public double Since(Cpu before) => Ticks.Sum(t => t.Value - before.Ticks.GetValueOrDefault(t.Key)) / TicksPerSecond;

        private static string[]? Fields(int pid)
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            }
            catch (IOException) { return null; }
            catch (UnauthorizedAccessException) { return null; }
        }

        // After the command name: state is field 3 of stat, so index 0 here; ppid index 1; utime 11, stime 12.
        private static int? Parent(int pid) => Fields(pid) is { } f ? int.Parse(f[1], CultureInfo.InvariantCulture) : null;

        private static long? Read(int pid) => Fields(pid) is { } f ? long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture) : null;
    }
}
