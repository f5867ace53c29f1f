namespace Recruitment.TrainingExemption.Domain;

/// <summary>EXM-08: REQUESTED -> BASE_FORM_COMPLETED -> ASSESSED -> APPROVED | REJECTED; REFUSED at intake.</summary>
internal enum ExemptionStatus { REQUESTED, REFUSED, BASE_FORM_COMPLETED, ASSESSED, APPROVED, REJECTED, CLOSED }

public enum AssessmentResult { PASS, FAIL }

/// <summary>The base's approval form (FORM-06, EXM-05): proposed months and make-up content, by a named reviewer (EXM-06).</summary>
public sealed record BaseForm(int ProposedMonths, IReadOnlyList<MakeUpItem> MakeUpItems, string? Notes, string Reviewer, DateTimeOffset At);

public sealed record CapabilityAssessment(AssessmentResult Result, decimal? Score, string? Notes, string Assessor, DateTimeOffset At);

internal sealed record Determination(bool Approved, int TrainingMonths, IReadOnlyList<MakeUpItem> MakeUpItems, string? Reason,
    string DecidedBy, DateTimeOffset At, bool AfterDeadline);

/// <summary>
/// A trainee's request to shorten training, event sourced: the stream is the audit trail (who filled the
/// form, who assessed, who decided, when and why) and the requester's timeline. Id = the candidate id.
/// </summary>
internal sealed class ExemptionCase
{
    public Guid Id { get; set; }
    public Guid? ApplicantId { get; set; }
    public int Year { get; set; }
    public string BaseCode { get; set; } = "";
    public string SpecialtyCode { get; set; } = "";
    public string? OtherSpecialty { get; set; }
    public string Name { get; set; } = "";
    public ExemptionForm? Form { get; set; }
    public HighestEducation? HighestEducation { get; set; }
    public bool HoldsPhysicianQualification { get; set; }
    public ExemptionStatus Status { get; set; }
    public string? RefusalCode { get; set; }
    public string? RefusalDetail { get; set; }
    public BaseForm? BaseForm { get; set; }
    public CapabilityAssessment? Assessment { get; set; }
    public Determination? Determination { get; set; }
    public int Revision { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public void Apply(ExemptionRequestReceived e) => On(e);
    public void Apply(ExemptionRequestRefused e) => On(e);
    public void Apply(BaseFormSaved e) => On(e);
    public void Apply(CapabilityAssessed e) => On(e);
    public void Apply(ExemptionDetermined e) => On(e);
    public void Apply(DeterminationReopened e) => On(e);
    public void Apply(CaseClosed e) => On(e);

    internal void On(IExemptionEvent e)
    {
        UpdatedAt = e.At;
        switch (e)
        {
            case ExemptionRequestReceived r:
                (Id, ApplicantId, Year, BaseCode, SpecialtyCode, OtherSpecialty, Name) =
                    (r.CandidateId, r.ApplicantId, r.Year, r.BaseCode, r.SpecialtyCode, r.OtherSpecialty, r.Name);
                (Form, HighestEducation, HoldsPhysicianQualification, RequestedAt) = (r.Form, r.HighestEducation, r.HoldsPhysicianQualification, r.At);
                Status = ExemptionStatus.REQUESTED;
                break;
            case ExemptionRequestRefused refused:
                (Status, RefusalCode, RefusalDetail) = (ExemptionStatus.REFUSED, refused.Code, refused.Detail);
                break;
            case BaseFormSaved saved:
                BaseForm = saved.Form;
                if (Status == ExemptionStatus.REQUESTED) Status = ExemptionStatus.BASE_FORM_COMPLETED;
                break;
            case CapabilityAssessed assessed:
                Assessment = assessed.Assessment;
                Status = ExemptionStatus.ASSESSED;
                break;
            case ExemptionDetermined determined:
                Determination = determined.Determination;
                Revision = determined.Revision;
                Status = determined.Determination.Approved ? ExemptionStatus.APPROVED : ExemptionStatus.REJECTED;
                break;
            case DeterminationReopened:
                Status = ExemptionStatus.ASSESSED;
                break;
            case CaseClosed:
                Status = ExemptionStatus.CLOSED;
                break;
        }
    }
}

internal interface IExemptionEvent
{
    string Actor { get; }
    DateTimeOffset At { get; }
}

internal sealed record ExemptionRequestReceived(Guid CandidateId, Guid? ApplicantId, int Year, string BaseCode, string SpecialtyCode,
    string? OtherSpecialty, string Name, ExemptionForm Form, HighestEducation? HighestEducation, bool HoldsPhysicianQualification,
    string Actor, DateTimeOffset At) : IExemptionEvent;

internal sealed record ExemptionRequestRefused(string Code, string Detail, string Actor, DateTimeOffset At) : IExemptionEvent;

internal sealed record BaseFormSaved(BaseForm Form, string Actor, DateTimeOffset At) : IExemptionEvent;

internal sealed record CapabilityAssessed(CapabilityAssessment Assessment, string Actor, DateTimeOffset At) : IExemptionEvent;

internal sealed record ExemptionDetermined(Determination Determination, int Revision, string Actor, DateTimeOffset At) : IExemptionEvent;

internal sealed record DeterminationReopened(string Reason, string Actor, DateTimeOffset At) : IExemptionEvent;

/// <summary>The trainee left after admission while the case was open (ENR-69): nothing is left to decide.</summary>
internal sealed record CaseClosed(string Reason, string Actor, DateTimeOffset At) : IExemptionEvent;
