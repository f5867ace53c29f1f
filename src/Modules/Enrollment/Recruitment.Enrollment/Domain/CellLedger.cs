namespace Recruitment.Enrollment.Domain;

/// <summary>
/// The places of one admission cell and who holds them (ENR-45, ENR-48): a (base, specialty) cell of the
/// quota table, one specialty base of a base's OTHER split (ENR-06), or the assistant-GP quota. Updated
/// under optimistic concurrency in the same transaction as the proposal, so a cell is never oversubscribed,
/// however many admins propose at once. Id = <see cref="IdFor"/>.
/// </summary>
internal sealed class CellLedger
{
    public string Id { get; set; } = "";
    public int Year { get; set; }
    public string BaseCode { get; set; } = "";
    public string SpecialtyCode { get; set; } = "";
    public string? OtherSpecialty { get; set; }
    public int Places { get; set; }
    public List<Guid> Holders { get; set; } = [];

    public int Vacancies => Math.Max(0, Places - Holders.Count);

    public static string IdFor(int year, string baseCode, string specialtyCode, string? otherSpecialty) =>
        otherSpecialty is null ? $"{year}:{baseCode}:{specialtyCode}" : $"{year}:{baseCode}:{specialtyCode}:{otherSpecialty.Trim().ToUpperInvariant()}";

    public static string IdFor(Application a) => IdFor(a.Year, a.BaseCode, a.SpecialtyCode, a.OtherSpecialty);

    /// <summary>The places a cell has in the cycle: the quota table, the base's OTHER split, or the assistant-GP quota.</summary>
    public static int PlacesOf(RecruitmentCycle cycle, OtherSplit? split, Track track, string baseCode, string specialtyCode, string? otherSpecialty) =>
        track == Track.ASSISTANT_GP ? (baseCode == cycle.AssistantGp.BaseCode ? cycle.AssistantGp.Places : 0)
        : specialtyCode == Eligibility.Other
            ? split?.Items.FirstOrDefault(i => string.Equals(i.Specialty, otherSpecialty?.Trim(), StringComparison.OrdinalIgnoreCase))?.Places ?? 0
            : cycle.Quotas.FirstOrDefault(q => q.BaseCode == baseCode && q.SpecialtyCode == specialtyCode)?.Places ?? 0;
}
