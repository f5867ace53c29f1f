using Recruitment.Enrollment.Contracts;

namespace Recruitment.TrainingExemption.Domain;

internal enum ExemptionStatus { REQUESTED }

/// <summary>
/// A residency trainee's request to shorten training (EXM-04, EXM-08), opened from Enrollment's
/// on-site confirmation. Id = the candidate (application) id.
/// </summary>
internal sealed class ExemptionCase
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public string BaseCode { get; set; } = "";
    public string SpecialtyCode { get; set; } = "";
    public string? OtherSpecialty { get; set; }
    public string Name { get; set; } = "";
    public HighestEducation? HighestEducation { get; set; }
    public bool HoldsPhysicianQualification { get; set; }
    public ExemptionStatus Status { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
}
