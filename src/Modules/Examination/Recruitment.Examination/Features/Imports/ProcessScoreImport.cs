using Marten.Exceptions;
using Npgsql;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Recruitment.Examination.Features.Imports;

/// <summary>
/// Matches a batch's rows against the rosters, chunk by chunk, each chunk in its own transaction with the
/// batch's progress (EXAM-04, EXAM-10, EXAM-11). Imports run one at a time (a sequential queue on each
/// node, and an import lock across nodes), so two imports for the same base never interleave. After a
/// crash the redelivered message resumes at the first unfinished chunk; a row this batch already wrote
/// still reports ACCEPTED. No per-row round trips: per chunk one read of its rows, one roster query, and one
/// transaction writing the chunk with its results, every score (one statement), every audit entry (one
/// statement) and the batch; measured in docs/benchmarks.md ("Score import").
/// </summary>
/// <remarks>
/// The chunks are committed through a session of the handler's own, never the one Wolverine's transaction
/// middleware would inject: that session marks the incoming message handled in its first commit, so a host
/// killed after the first chunk left a batch that nobody would ever finish (issue 4, ScoreImportCrashTests).
/// Here the message stays pending until the handler returns, and the durability agent redelivers it after
/// a crash.
/// </remarks>
[MartenStore(typeof(IExaminationStore))]
public static class ProcessScoreImportHandler
{
    /// <summary>
    /// A database failure part-way (a dropped connection, a timeout, a deadlock with other work) must not park
    /// an acknowledged batch in the error queue, where it would stay PROCESSING for good: the message is retried,
    /// at once and then later (durably scheduled), and each attempt resumes at the first unfinished chunk.
    /// </summary>
    public static void Configure(HandlerChain chain) =>
        chain.OnException<NpgsqlException>().Or<MartenCommandException>().Or<TimeoutException>()
            .RetryWithCooldown(TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(5))
            .Then.ScheduleRetry(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10));

    public static async Task Handle(ProcessScoreImport command, IExaminationStore store, TimeProvider clock, CancellationToken ct)
    {
        await using var importLock = await ImportLock.AcquireAsync(store, ct);
        await using var session = store.LightweightSession();
        var batch = await session.LoadAsync<ScoreImportBatch>(command.BatchId, ct);
        if (batch is null || batch.Status == ImportStatus.COMPLETED) return;
        batch.Status = ImportStatus.PROCESSING;
        var context = await ImportContext.LoadAsync(session, clock.GetUtcNow(), ct);

        // Each chunk's rows and roster entries are read (on a connection of their own) while the chunk before is being
        // written, so that PostgreSQL and the host work at the same time. What a chunk reads cannot depend on what the
        // chunk before writes: a candidate has one roster entry per cycle and one row per batch (DUPLICATE_IN_BATCH),
        // and a row for the wrong track is refused before its score is compared.
        await using var reads = store.QuerySession();
        var next = batch.NextChunk < batch.Chunks ? ReadAsync(reads, batch, batch.NextChunk, ct) : null;
        try
        {
            for (var index = batch.NextChunk; index < batch.Chunks; index++)
            {
                var (chunk, roster) = await next!;
                next = index + 1 < batch.Chunks ? ReadAsync(reads, batch, index + 1, ct) : null;

                var writes = new ChunkWrites();
                chunk.Results = chunk.Rows.Select(row => Apply(row, roster, context, batch, writes)).ToList();
                batch.NextChunk = index + 1;
                batch.ProcessedRows += chunk.Results.Count;
                batch.Accepted += chunk.Results.Count(r => r.Status == RowStatus.ACCEPTED);
                batch.Unchanged += chunk.Results.Count(r => r.Status == RowStatus.UNCHANGED);
                batch.Rejected += chunk.Results.Count(r => r.Status == RowStatus.REJECTED);
                batch.Late += chunk.Results.Count(r => r.Late);
                if (batch.NextChunk == batch.Chunks)
                {
                    batch.Status = ImportStatus.COMPLETED;
                    batch.CompletedAt = context.Now;
                }
                session.Store(chunk);
                writes.Queue(session);
                session.Store(batch);
                await session.SaveChangesAsync(ct);
            }
        }
        finally
        {
            // A read still running when a write failed must end before its session is disposed; its own failure is moot.
            if (next is not null)
                await next.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>A chunk's rows and the roster entries of their ID numbers.</summary>
    private static async Task<(ScoreImportChunk Chunk, ILookup<(int, string), RosterEntry> Roster)> ReadAsync(IQuerySession session,
        ScoreImportBatch batch, int index, CancellationToken ct)
    {
        var chunk = await session.LoadAsync<ScoreImportChunk>(ScoreImportChunk.IdFor(batch.Id, index), ct)
                    ?? throw new InvalidOperationException($"chunk {index} of batch {batch.Id} is missing");
        var ids = chunk.Rows.Where(r => r.Problem is null).Select(r => r.IdNumber).Distinct().ToArray();
        var roster = (await session.Query<RosterEntry>().Where(e => ids.Contains(e.DocumentNumber)).ToListAsync(ct))
            .ToLookup(e => (e.Year, e.DocumentNumber));
        return (chunk, roster);
    }

    private static RowResult Apply(ImportRow row, ILookup<(int, string), RosterEntry> roster, ImportContext context, ScoreImportBatch batch,
        ChunkWrites writes)
    {
        var masked = Mask(row.IdNumber);
        RowResult Rejected(string code, string detail) => new(row.RowNumber, masked, RowStatus.REJECTED, code, detail, false);

        if (row.Problem is not null) return Rejected(row.Problem, row.Reason ?? "");
        var entry = roster[(row.Year, row.IdNumber)].FirstOrDefault();
        if (entry is null || entry.Status != RosterStatus.ROSTERED)
            return Rejected("NOT_ROSTERED", "no candidate with this ID number is on a roster of this cycle (EXAM-04)");
        if (entry.Track != row.Track) return Rejected("WRONG_TRACK", $"the candidate is on the {entry.Track} roster");
        if (entry.BaseCode != row.BaseCode) return Rejected("WRONG_BASE", "the candidate is rostered at another base");
        if (context.Finalized.Contains(Finalization.IdFor(row.Year, entry.Track, entry.BaseCode)))
            return Rejected("BASE_FINALIZED", "the base finalised its import; corrections go through the center (EXAM-16)");

        if (!context.Cycles.TryGetValue(row.Year, out var cycle)) return Rejected("UNKNOWN_CYCLE", $"no recruitment cycle {row.Year}");
        var extension = context.Extensions.GetValueOrDefault(ImportExtension.IdFor(row.Year, row.BaseCode));
        var extended = extension is not null && !batch.ReceivedAt.IsPast(extension.Until);
        var late = batch.ReceivedAt.IsPast(cycle.ScoreImportDeadline);
        if (late && !extended) return Rejected("DEADLINE_PASSED", $"imports closed at {cycle.ScoreImportDeadline:O} (EXAM-11)");
        var lastDay = ChinaTime.Date(cycle.InterviewDeadline);
        if (row.Score!.ExamDate > lastDay && !extended)
            return Rejected("INTERVIEW_AFTER_DEADLINE", $"interviews are completed by {lastDay:yyyy-MM-dd} unless extended (EXAM-08, EXAM-11)");
        late |= row.Score.ExamDate > lastDay;

        if (row.Score.SameAs(entry.Score))
            return new(row.RowNumber, masked, entry.ScoredByBatch == batch.Id ? RowStatus.ACCEPTED : RowStatus.UNCHANGED, null, null, entry.Late);
        if (entry.Score is not null)
            writes.Audit(new ScoreChange
            {
                Id = Guid.CreateVersion7(),
                CandidateId = entry.Id,
                BatchId = batch.Id,
                Actor = batch.SubmittedBy,
                Old = entry.Score,
                New = row.Score,
                At = context.Now,
            });
        entry.Score = row.Score;
        entry.Totals = Scoring.Totals(row.Score, context.Rules[(row.Year, entry.Track)]);
        entry.Late = late;
        entry.ScoredByBatch = batch.Id;
        entry.ScoredAt = batch.ReceivedAt;
        writes.Update(entry);
        return new(row.RowNumber, masked, RowStatus.ACCEPTED, null, null, late);
    }

    /// <summary>
    /// What a chunk changes besides itself and the batch, as two statements queued in the chunk's transaction,
    /// keeping Marten's columns as Marten keeps them (a new version, the transaction time, the .NET type):
    /// <list type="bullet">
    /// <item>the scores of the roster entries, merged into the stored entries from arrays (jsonb ||): PostgreSQL
    /// parses a quarter of each entry's JSON, and a concurrent change to an entry's other properties is kept
    /// rather than overwritten;</item>
    /// <item>the audit entries of overwritten scores, inserted from arrays.</item>
    /// </list>
    /// One <c>Store</c> per document would cost a statement each, and Marten's unit of work scans every pending
    /// operation on each <c>Store</c>, which is quadratic in the rows of a chunk (5,000 rows: 12.5 million checks).
    /// </summary>
    private sealed class ChunkWrites
    {
        private readonly Dictionary<Guid, RosterEntry> _entries = [];
        private readonly List<ScoreChange> _changes = [];

        public void Update(RosterEntry entry) => _entries[entry.Id] = entry;

        public void Audit(ScoreChange change) => _changes.Add(change);

        public void Queue(IDocumentSession session)
        {
            var options = session.DocumentStore.Options;
            var serializer = options.Serializer();
            if (_entries.Count > 0)
                session.QueueSqlCommand(
                    $"update {Table<RosterEntry>(options)} as d set data = d.data || v.score, mt_version = v.version, "
                    + "mt_last_modified = transaction_timestamp() from unnest(?::uuid[], ?::jsonb[], ?::uuid[]) as v(id, score, version) where d.id = v.id",
                    _entries.Keys.ToArray(),
                    _entries.Values.Select(e => serializer.ToJson(new { e.Score, e.Totals, e.Late, e.ScoredByBatch, e.ScoredAt })).ToArray(),
                    _entries.Keys.Select(_ => Guid.CreateVersion7()).ToArray());
            if (_changes.Count > 0)
                session.QueueSqlCommand(
                    $"insert into {Table<ScoreChange>(options)} (id, data, mt_version, mt_last_modified, mt_dotnet_type) "
                    + "select v.id, v.data, v.version, transaction_timestamp(), ? from unnest(?::uuid[], ?::jsonb[], ?::uuid[]) as v(id, data, version)",
                    typeof(ScoreChange).FullName!, _changes.Select(c => c.Id).ToArray(), _changes.Select(serializer.ToJson).ToArray(),
                    _changes.Select(_ => Guid.CreateVersion7()).ToArray());
        }

        private static string Table<T>(IReadOnlyStoreOptions options) => options.FindOrResolveDocumentType(typeof(T)).TableName.QualifiedName;
    }

    /// <summary>Row results never carry a whole ID number: the job knows its rows by number.</summary>
    internal static string Mask(string id) => id.Length <= 6 ? new string('*', id.Length) : id[..3] + new string('*', id.Length - 6) + id[^3..];

    /// <summary>What every row of a batch is judged against, loaded once per batch.</summary>
    private sealed record ImportContext(
        DateTimeOffset Now,
        IReadOnlyDictionary<int, ExamCycle> Cycles,
        IReadOnlyDictionary<(int, Track), ScoringRules> Rules,
        IReadOnlyDictionary<string, ImportExtension> Extensions,
        IReadOnlySet<string> Finalized)
    {
        public static async Task<ImportContext> LoadAsync(IDocumentSession session, DateTimeOffset now, CancellationToken ct)
        {
            var cycles = (await session.Query<ExamCycle>().ToListAsync(ct)).ToDictionary(c => c.Id);
            var rules = (await session.Query<ExamSettings>().ToListAsync(ct))
                .SelectMany(s => s.Scoring.Select(r => (Key: (s.Id, r.Key), r.Value))).ToDictionary(x => x.Key, x => x.Value);
            var extensions = (await session.Query<ImportExtension>().ToListAsync(ct)).ToDictionary(e => e.Id);
            var finalized = (await session.Query<Finalization>().Select(f => f.Id).ToListAsync(ct)).ToHashSet();
            return new ImportContext(now, cycles, rules, extensions, finalized);
        }
    }
}
