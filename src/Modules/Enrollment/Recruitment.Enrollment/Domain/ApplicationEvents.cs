namespace Recruitment.Enrollment.Domain;

/// <summary>Every change to an application says who made it and when (ENR-34): the timeline is the stream.</summary>
internal interface IApplicationEvent
{
    string Actor { get; }
    DateTimeOffset At { get; }
}

internal sealed record ApplicationSubmitted(int Year, Guid ApplicantId, string DocumentNumber, string Name, string Mobile,
    ApplicationChoice Choice, Profile Profile, IReadOnlyList<string> Flags, string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record ApplicationEdited(ApplicationChoice Choice, Profile Profile, IReadOnlyList<string> Flags,
    string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record AssistantGpRegistered(int Year, string BaseCode, string DocumentNumber, string Name, string Mobile,
    AssistantGpForm Form, IReadOnlyList<string> Flags, string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record ApplicationWithdrawn(string? Reason, string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record IdentityVerified(string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record FreeStudentRecorded(FreeStudentRecord Record, string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>Residency: APPROVED. Assistant GP: QUALIFIED, the base's stamp on the Att3 form (ENR-40).</summary>
internal sealed record ApplicationApproved(string? Note, string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record ApplicationRejected(string Reason, string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record ReviewDeadlinePassed(string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record ChecklistUpdated(IReadOnlyList<ChecklistTick> Items, string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record OnsiteConfirmed(bool ExemptionRequested, string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record ConfirmationWindowClosed(string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record ApplicationCancelled(string Reason, string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>Examination published (a revision of) the candidate's result.</summary>
internal sealed record ExamResultRecorded(ExamResult Result, string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>The published components and total (EXAM-12, EXAM-13), as Enrollment keeps them for admission.</summary>
internal sealed record ExamResult(decimal? Theory, decimal? Skill, decimal? Interview, string AssessmentResult, decimal Written,
    decimal InterviewPart, decimal Total, bool Passed, bool Absent, int Revision);

/// <summary>The center decided the trainee's exemption request (EXM-09).</summary>
internal sealed record ExemptionDecisionRecorded(ExemptionOutcome Outcome, string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record ExemptionOutcome(bool Approved, int TrainingMonths, int Revision);

internal sealed record ProposalMade(Proposal Proposal, string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record ProposalWithdrawn(string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>ENR-50, ENR-51: at the lock an examined candidate nobody proposed becomes NOT_PROPOSED (a round may still place them).</summary>
internal sealed record ProposalLockPassed(string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record CenterReviewed(string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record PhcRechecked(string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record PublicityStarted(Guid PublicityId, DateTimeOffset EndsAt, string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record ObjectionLodged(Guid ObjectionId, string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>A resolved objection; only the last open one (<see cref="Final"/>) decides the status (ENR-58).</summary>
internal sealed record ObjectionResolved(Guid ObjectionId, bool Admit, bool PublicityEnded, bool Final, string Reason, string Actor, DateTimeOffset At)
    : IApplicationEvent;

/// <summary>ENR-59: publicity ended without objection.</summary>
internal sealed record Admitted(string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record TraineeReported(DateOnly ReportedOn, string Actor, DateTimeOffset At) : IApplicationEvent;

internal sealed record LabourContractSigned(DateOnly SignedOn, string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>
/// A determination changed the months of an admitted trainee: the notice is reissued with them (its number gets the
/// revision) and the base sees the change on the application (EXM-09).
/// </summary>
internal sealed record AdmissionNoticeReissued(int PreviousMonths, int Months, string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>ENR-65: the admitted applicant declined the place.</summary>
internal sealed record AdmissionDeclined(string Reason, string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>ENR-66: the reporting deadline passed before the admitted trainee reported.</summary>
internal sealed record ReportingDeadlinePassed(string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>ENR-66: the base recorded a late report, with its reason, before reporting.lateUntil.</summary>
internal sealed record LateReportRecorded(DateOnly ReportedOn, string Reason, string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>ENR-67: the PHC revoked the admission for verified false information.</summary>
internal sealed record AdmissionRevoked(string Reason, string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>
/// ENR-57: the center (at its review) or the PHC (at its re-check) took one candidate out of the batch with a reason:
/// the proposal is withdrawn, the place returns to its cell and the candidate is NOT_PROPOSED, so a round may place them.
/// </summary>
internal sealed record ProposalReturned(string Step, string Reason, string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>ENR-55, ENR-28: the PHC placed an independent applicant who stated no preferences in a vacancy at their base.</summary>
internal sealed record PlacedByPhc(Proposal Proposal, string Reason, string Actor, DateTimeOffset At) : IApplicationEvent;

/// <summary>ENR-15: base staff corrected the applicant's data after registration closed, during on-site confirmation.</summary>
internal sealed record ProfileCorrected(Profile Profile, IReadOnlyList<string> Sections, IReadOnlyList<string> Flags, string Reason, string Actor, DateTimeOffset At) : IApplicationEvent;

internal static class SystemActor
{
    /// <summary>The actor of changes made by a deadline rather than a person.</summary>
    public const string Deadline = "system:deadline";

    /// <summary>The actor of changes that arrive as messages from the Examination module.</summary>
    public const string Examination = "system:examination";

    public const string TrainingExemption = "system:training-exemption";

    public const string Publicity = "system:publicity";
}
