using Recruitment.Enrollment.Contracts;

namespace Recruitment.Enrollment.Domain;

/// <summary>A recruitment cycle (ENR-01): its calendar, bases, specialties and quota table. Id = year.</summary>
internal sealed class RecruitmentCycle
{
    public int Id { get; set; }
    /// <summary>Hash of the source files; a reload with the same version changes nothing.</summary>
    public string Version { get; set; } = "";
    public int ResidencyTotal { get; set; }
    public CycleCalendar Calendar { get; set; } = null!;
    public List<TrainingBase> Bases { get; set; } = [];
    public List<Specialty> Specialties { get; set; } = [];
    public List<QuotaCell> Quotas { get; set; } = [];
    public AssistantGpQuota AssistantGp { get; set; } = null!;
    public StandardDurations StandardMonths { get; set; } = null!;
    public DateTimeOffset LoadedAt { get; set; }

    public RecruitmentCyclePublished ToMessage() =>
        new(Id, Version, Calendar, Bases, Specialties, Quotas, AssistantGp, StandardMonths);
}
