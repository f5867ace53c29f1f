namespace Recruitment.Enrollment.Domain;

internal enum RoundKind { REALLOCATION, SUPPLEMENTARY }

/// <summary>A PHC-opened reallocation or supplementary round with its own window (ENR-53, ENR-54). Fills only vacancies.</summary>
internal sealed class Round
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public RoundKind Kind { get; set; }
    public DateTimeOffset Opens { get; set; }
    public DateTimeOffset Closes { get; set; }
    public string OpenedBy { get; set; } = "";
    public DateTimeOffset? AllocatedAt { get; set; }
    public int Allocated { get; set; }
    public List<BlockingPair> BlockingPairs { get; set; } = [];
}

/// <summary>An applicant's ordered acceptable cells in a round. Id = "{roundId}:{applicationId}".</summary>
internal sealed class RoundPreferences
{
    public string Id { get; set; } = "";
    public Guid RoundId { get; set; }
    public Guid ApplicationId { get; set; }
    public List<string> Cells { get; set; } = [];
    public DateTimeOffset SubmittedAt { get; set; }

    public static string IdFor(Guid roundId, Guid applicationId) => $"{roundId:N}:{applicationId:N}";
}
