namespace Recruitment.Examination.Features.Imports;

/// <summary><paramref name="BoundBase"/>: the one base the import is accountable to (a base admin, a base-bound key); null for province-wide.</summary>
public sealed record ReceiveScoreImport(Guid BatchId, string Format, string SubmittedBy, IReadOnlyList<ScoreImportRow> Rows, string? BoundBase = null);

public sealed record ScoreImportReceived(Guid BatchId, int TotalRows, int RejectedOnReceipt);

/// <summary>Work for the sequential import queue: match a received batch's rows against the rosters.</summary>
public sealed record ProcessScoreImport(Guid BatchId);

/// <summary>
/// POST /api/examination/score-imports (integration key, scope scores:import): a JSON batch or a CSV
/// file of exam results (EXAM-09, EXAM-10). The batch and its rows are stored, and its processing is
/// queued, in one transaction; the answer (202) names the batch resource to poll. From that answer on
/// nothing is lost: a crashed host resumes the batch where it stopped.
/// EXAM-09 (round 2): an import is accountable to a base. A key bound to a base imports only that base's rows
/// (others: <c>WRONG_BASE</c>); POST /api/examination/bases/{baseCode}/score-imports lets a base admin import their
/// own base's scores (JSON, CSV or XLSX) under their sign-in. A province-wide key imports any base (the written exam).
/// </summary>
internal sealed class ImportScoresEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.ExaminationApi("Examination: score import").MapPost("/score-imports", async (HttpRequest request, Caller caller, IMessageBus bus,
                CancellationToken ct) =>
            {
                if ((await ScoreImportParser.ReadAsync(request, ct)).Refused(out var refused, out var batch)) return refused.ToResult();
                return await ReceiveAsync(bus, new ReceiveScoreImport(Guid.CreateVersion7(), batch.Format, caller.Actor, batch.Rows, caller.BaseCode), ct);
            })
            .RequireAuthorization(Policies.ScoreImport);
        app.ExaminationApi("Examination: score import").MapPost("/bases/{baseCode}/score-imports", async (string baseCode, HttpRequest request,
                Caller caller, IMessageBus bus, CancellationToken ct) =>
            {
                var code = baseCode.Trim().ToUpperInvariant();
                if (caller.ActsForBase(code) is { } forbidden) return forbidden.ToResult();
                if ((await ScoreImportParser.ReadAsync(request, ct)).Refused(out var refused, out var batch)) return refused.ToResult();
                return await ReceiveAsync(bus, new ReceiveScoreImport(Guid.CreateVersion7(), batch.Format, caller.Actor, batch.Rows, code), ct);
            })
            .RequireAuthorization(Policies.BaseAdmin);
    }

    private static async Task<IResult> ReceiveAsync(IMessageBus bus, ReceiveScoreImport command, CancellationToken ct)
    {
        var received = await bus.InvokeAsync<ScoreImportReceived>(command, ct);
        return Results.Accepted($"/api/examination/score-imports/{received.BatchId}", received);
    }
}

[MartenStore(typeof(IExaminationStore))]
public static class ReceiveScoreImportHandler
{
    public static async Task<(ScoreImportReceived, ProcessScoreImport)> Handle(ReceiveScoreImport command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var years = command.Rows.Select(r => int.TryParse(r.CycleYear, NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : 0)
            .Where(y => y > 0).Distinct().ToList();
        var settings = (await session.LoadManyAsync<ExamSettings>(ct, years)).ToDictionary(s => s.Id);

        var seen = new HashSet<(int, Track, string)>();
        var rows = command.Rows.Select((row, i) => RowChecks.Check(i + 1, row, settings, seen, command.BoundBase)).ToList();
        var chunks = rows.Chunk(ScoreImportChunk.Size).Select((part, index) => new ScoreImportChunk
        {
            Id = ScoreImportChunk.IdFor(command.BatchId, index),
            BatchId = command.BatchId,
            Index = index,
            Rows = [.. part],
        }).ToList();
        session.Store(new ScoreImportBatch
        {
            Id = command.BatchId,
            Format = command.Format,
            SubmittedBy = command.SubmittedBy,
            ReceivedAt = clock.GetUtcNow(),
            Status = ImportStatus.QUEUED,
            TotalRows = rows.Count,
            Chunks = chunks.Count,
        });
        session.Store(chunks.ToArray());
        return (new ScoreImportReceived(command.BatchId, rows.Count, rows.Count(r => r.Problem is not null)), new ProcessScoreImport(command.BatchId));
    }
}

/// <summary>The checks a row passes on its own (EXAM-10): fields present and well formed, scores within the maxima, no duplicate key.</summary>
internal static class RowChecks
{
    public static ImportRow Check(int number, ScoreImportRow row, IReadOnlyDictionary<int, ExamSettings> settings, HashSet<(int, Track, string)> seen,
        string? boundBase = null)
    {
        var idNumber = row.IdNumber?.Trim().ToUpperInvariant() ?? "";
        var baseCode = row.BaseCode?.Trim().ToUpperInvariant() ?? "";
        ImportRow Refuse(string code, string detail, int year = 0, Track? track = null) =>
            new(number, year, track, baseCode, idNumber, null, code, detail);

        if (idNumber.Length == 0 || baseCode.Length == 0) return Refuse("MISSING_FIELD", "idNumber and baseCode are required");
        if (boundBase is not null && !string.Equals(baseCode, boundBase, StringComparison.OrdinalIgnoreCase))
            return Refuse("WRONG_BASE", $"this import is accountable to {boundBase}; the row is for {baseCode} (EXAM-09)");
        if (!int.TryParse(row.CycleYear, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || !settings.TryGetValue(year, out var cycle))
            return Refuse("UNKNOWN_CYCLE", $"cycleYear '{row.CycleYear}' is not a cycle with exam settings");
        if (!Enum.TryParse<Track>(row.Track?.Trim(), ignoreCase: true, out var track) || !Enum.IsDefined(track))
            return Refuse("INVALID_TRACK", "track must be RESIDENCY or ASSISTANT_GP", year);
        if (string.IsNullOrWhiteSpace(row.AssessmentResult)) return Refuse("MISSING_RESULT", "assessmentResult is required", year, track);
        if (!Enum.TryParse<AssessmentResult>(row.AssessmentResult.Trim(), ignoreCase: true, out var result) || !Enum.IsDefined(result))
            return Refuse("INVALID_RESULT", "assessmentResult must be PASS, FAIL or ABSENT", year, track);

        var rules = cycle.Scoring[track];
        var (theory, theoryProblem) = Scoring.Parse(row.TheoryScore, rules.TheoryMax, "theoryScore");
        var (skill, skillProblem) = Scoring.Parse(row.SkillScore, rules.SkillMax, "skillScore");
        var (interview, interviewProblem) = Scoring.Parse(row.InterviewScore, rules.InterviewMax, "interviewScore");
        if ((theoryProblem ?? skillProblem ?? interviewProblem) is { } scoreProblem) return Refuse("INVALID_SCORE", scoreProblem, year, track);

        var absent = new List<ExamComponent>();
        foreach (var part in (row.AbsentComponents ?? "").Split([';', ',', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<ExamComponent>(part, ignoreCase: true, out var component) || !Enum.IsDefined(component))
                return Refuse("INVALID_ABSENT_COMPONENT", $"'{part}' is not WRITTEN, SKILL or INTERVIEW", year, track);
            if (!absent.Contains(component)) absent.Add(component);
        }

        if (result == AssessmentResult.ABSENT && absent.Count == 0)
            return Refuse("MISSING_ABSENT_COMPONENT", "an ABSENT result names the missed components", year, track);
        if (result != AssessmentResult.ABSENT && (theory is null || interview is null))
            return Refuse("MISSING_SCORE", "PASS and FAIL results carry theoryScore and interviewScore", year, track);
        if (result != AssessmentResult.ABSENT && absent.Count > 0)
            return Refuse("INVALID_ABSENT_COMPONENT", "absent components imply assessmentResult ABSENT", year, track);

        DateOnly? examDate = null;
        if (!string.IsNullOrWhiteSpace(row.ExamDate))
        {
            if (!DateOnly.TryParseExact(row.ExamDate.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                return Refuse("INVALID_EXAM_DATE", "examDate is yyyy-MM-dd", year, track);
            examDate = date;
        }

        if (!seen.Add((year, track, idNumber)))
            return Refuse("DUPLICATE_IN_BATCH", "an earlier row of this batch has the same cycle, track and ID number", year, track);
        return new ImportRow(number, year, track, baseCode, idNumber, new Score(theory, skill, interview, result, absent, examDate), null, null);
    }
}
