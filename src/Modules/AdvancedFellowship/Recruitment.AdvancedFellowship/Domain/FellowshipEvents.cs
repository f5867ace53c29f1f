namespace Recruitment.AdvancedFellowship.Domain;

/// <summary>Every decision on an application or a fellow says who took it and when; reasons travel in the event.</summary>
internal interface IFellowshipEvent
{
    string Actor { get; }
    DateTimeOffset At { get; }
}

internal sealed record ApplicationDrafted(int Year, Guid ApplicantId, string DocumentNumber, string Name, string Mobile,
    FellowshipForm Form, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record ApplicationSubmitted(int Year, Guid ApplicantId, string DocumentNumber, string Name, string Mobile,
    FellowshipForm Form, IReadOnlyList<string> Flags, IReadOnlyList<SubmittedDocument> Documents, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record ApplicationEdited(FellowshipForm Form, IReadOnlyList<string> Flags, IReadOnlyList<SubmittedDocument> Documents,
    string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record ApplicationWithdrawn(string? Reason, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record ReviewStarted(string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record FlagAcknowledged(string Flag, string Reason, string Actor, DateTimeOffset At) : IFellowshipEvent;

/// <summary>FEL-10, FEL-12: proposed admission; <see cref="IntakeBandReason"/> records a SOFT override of the intake band.</summary>
internal sealed record ApplicationProposed(string? Note, string? IntakeBandReason, int PlaceNumber, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record ApplicationRejected(string Reason, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record NoticeIssued(string Number, DateOnly ReportingDate, string? Reason, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record ReportingDocumentsTicked(IReadOnlyList<ReportingTick> Items, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record FellowReported(DateOnly ReportedOn, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record PerformanceEvaluated(PerformanceEvaluation Evaluation, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record MentorAssigned(MentorAssignment Mentor, string? Reason, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record MentorEnded(string StaffNo, string Reason, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record SiteRotationPlanned(IReadOnlyList<RotationBlock> Blocks, string? SingleSiteReason, string? Reason,
    string Actor, DateTimeOffset At) : IFellowshipEvent;

/// <summary>REPORTED -> IN_TRAINING once the fellow has a mentor and a rotation plan; the dates are the plan's.</summary>
internal sealed record TrainingStarted(DateOnly Start, DateOnly End, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record ProjectRegistered(ResearchProject Project, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record BlsResultRecorded(BlsResult Result, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record AclsRecommended(AclsRecommendation Recommendation, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record FellowReturned(string Reason, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record AssessmentRecorded(Assessment Assessment, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record CertificateIssued(CompletionCertificate Certificate, string Actor, DateTimeOffset At) : IFellowshipEvent;

internal sealed record CertificateWithheld(string Reason, string Actor, DateTimeOffset At) : IFellowshipEvent;

// The quota of one position row: a single-writer stream per row and year (FEL-10).
internal interface IQuotaEvent
{
    int Year { get; }
    int PositionNo { get; }
}

internal sealed record PlaceTaken(int Year, int PositionNo, Guid ApplicationId, string Actor, DateTimeOffset At) : IQuotaEvent;

internal sealed record PlaceReleased(int Year, int PositionNo, Guid ApplicationId, string Reason, string Actor, DateTimeOffset At) : IQuotaEvent;

/// <summary>FEL-10 (Decision): Sci &amp; Ed moves unused places between rows with a reason; +n on one row, -n on the other.</summary>
internal sealed record PlacesMoved(int Year, int PositionNo, int Delta, int CounterpartNo, string Reason, string Actor, DateTimeOffset At) : IQuotaEvent;

// A mentor's current fellows (FEL-18): a stream per mentor, so the one-to-one limit holds under concurrency.
internal sealed record MentorTookFellow(string StaffNo, Guid FellowId, string Actor, DateTimeOffset At);

internal sealed record MentorReleasedFellow(string StaffNo, Guid FellowId, string Reason, string Actor, DateTimeOffset At);
