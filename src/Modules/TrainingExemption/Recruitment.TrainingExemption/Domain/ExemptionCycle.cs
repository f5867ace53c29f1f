namespace Recruitment.TrainingExemption.Domain;

/// <summary>TrainingExemption's copy of a recruitment cycle: specialties, standard duration, decision deadline.</summary>
internal sealed class ExemptionCycle
{
    public int Id { get; set; }
    public string Version { get; set; } = "";
    public List<SpecialtyName> Specialties { get; set; } = [];
    /// <summary>The bases' names, for the printed forms (FORM-05, FORM-06); empty in a copy stored before they were kept.</summary>
    public List<BaseName> Bases { get; set; } = [];
    public int StandardResidencyMonths { get; set; }
    public DateTimeOffset OnsiteConfirmationEnd { get; set; }
    public DateTimeOffset DecisionDeadline { get; set; }
    public DateOnly TrainingStartDate { get; set; }
}

internal sealed record SpecialtyName(string Code, string NameEn, string NameZh);

internal sealed record BaseName(string Code, string NameZh);
