namespace Recruitment.Examination.Domain;

internal enum ImportStatus { QUEUED, PROCESSING, COMPLETED }

internal enum RowStatus { ACCEPTED, UNCHANGED, REJECTED }

/// <summary>
/// A score import sent by an integration job (EXAM-09..EXAM-11): the resource a job polls. Its rows
/// live in <see cref="ScoreImportChunk"/> documents so that a large batch is written and processed in
/// bounded pieces, and processing resumes at <see cref="NextChunk"/> after a crash.
/// </summary>
internal sealed class ScoreImportBatch
{
    public Guid Id { get; set; }
    public string Format { get; set; } = "";
    public string SubmittedBy { get; set; } = "";
    public DateTimeOffset ReceivedAt { get; set; }
    public ImportStatus Status { get; set; }
    public int TotalRows { get; set; }
    public int Chunks { get; set; }
    public int NextChunk { get; set; }
    public int ProcessedRows { get; set; }
    public int Accepted { get; set; }
    public int Unchanged { get; set; }
    public int Rejected { get; set; }
    public int Late { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}

/// <summary>Up to <see cref="Size"/> rows of a batch with their results once processed. Id = "{batchId}:{index}".</summary>
internal sealed class ScoreImportChunk
{
    public const int Size = 5_000;

    public string Id { get; set; } = "";
    public Guid BatchId { get; set; }
    public int Index { get; set; }
    public List<ImportRow> Rows { get; set; } = [];
    public List<RowResult> Results { get; set; } = [];

    public static string IdFor(Guid batchId, int index) => $"{batchId:N}:{index}";
}

/// <summary>A row after the checks that need nothing but the row itself; <see cref="Problem"/> set when refused already.</summary>
internal sealed record ImportRow(int RowNumber, int Year, Track? Track, string BaseCode, string IdNumber, Score? Score, string? Problem, string? Reason);

internal sealed record RowResult(int RowNumber, string IdNumber, RowStatus Status, string? Reason, string? Detail, bool Late);

/// <summary>An audit entry for a score overwritten by a later import or a correction (EXAM-10, EXAM-16).</summary>
internal sealed class ScoreChange
{
    public Guid Id { get; set; }
    public Guid CandidateId { get; set; }
    public Guid? BatchId { get; set; }
    public string Actor { get; set; } = "";
    public string? Reason { get; set; }
    public Score? Old { get; set; }
    public Score New { get; set; } = null!;
    public DateTimeOffset At { get; set; }
}

/// <summary>A base's score import deadline extended by the center (EXAM-11). Id = "{year}:{baseCode}".</summary>
public sealed class ImportExtension
{
    public string Id { get; set; } = "";
    public int Year { get; set; }
    public string BaseCode { get; set; } = "";
    public DateTimeOffset Until { get; set; }
    public string Reason { get; set; } = "";
    public string GrantedBy { get; set; } = "";
    public DateTimeOffset GrantedAt { get; set; }

    public static string IdFor(int year, string baseCode) => $"{year}:{baseCode}";
}

/// <summary>A base marked its import final for a track (EXAM-15): scores go to Enrollment. Id = "{year}:{track}:{baseCode}".</summary>
internal sealed class Finalization
{
    public string Id { get; set; } = "";
    public int Year { get; set; }
    public Track Track { get; set; }
    public string BaseCode { get; set; } = "";
    public string FinalizedBy { get; set; } = "";
    public DateTimeOffset FinalizedAt { get; set; }
    /// <summary>Set when the center finalised on the base's behalf (ENR-70): why.</summary>
    public string? OnBehalfReason { get; set; }

    public static string IdFor(int year, Track track, string baseCode) => $"{year}:{track}:{baseCode}";
}
