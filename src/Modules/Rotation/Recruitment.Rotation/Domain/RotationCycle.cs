namespace Recruitment.Rotation.Domain;

/// <summary>Rotation's copy of a recruitment cycle: bases, durations, training start and plan deadlines.</summary>
internal sealed class RotationCycle
{
    public int Id { get; set; }
    public string Version { get; set; } = "";
    public List<string> BaseCodes { get; set; } = [];
    public int StandardResidencyMonths { get; set; }
    public int StandardAssistantGpMonths { get; set; }
    public DateOnly TrainingStartDate { get; set; }
    public DateTimeOffset RotationPlanDeadline { get; set; }
    public DateTimeOffset OrientationDeadline { get; set; }
}
