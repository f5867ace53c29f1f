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
    public EligibilitySettings Eligibility { get; set; } = null!;
    public DateTimeOffset LoadedAt { get; set; }

    /// <summary>ENR-08: [open, closeExclusive).</summary>
    public bool RegistrationIsOpen(DateTimeOffset now) => now >= Calendar.RegistrationOpen && now < Calendar.RegistrationCloseExclusive;

    public RecruitmentCyclePublished ToMessage() =>
        new(Id, Version, Calendar, Bases, Specialties, Quotas, AssistantGp, StandardMonths);
}
