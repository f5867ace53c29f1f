using System.Diagnostics.CodeAnalysis;

namespace Recruitment.Enrollment.Contracts;

/// <summary>Why an admitted trainee left (ENR-65..ENR-67).</summary>
[SuppressMessage("Naming", "CA1707", Justification = "Wire codes of DOMAIN.md's glossary, as the API and the stored documents spell them")]
public enum Departure { DECLINED, NOT_REPORTED, REVOKED }

/// <summary>
/// An admitted trainee left before or during training (ENR-69): Rotation takes them out of planning and closes
/// their plan, freeing department capacity from the month after <see cref="At"/>; TrainingExemption closes an open
/// case. <see cref="Sequence"/> is the application's stream version at the change: a consumer keeps the highest it
/// has seen, so a redelivered or overtaken message changes nothing.
/// </summary>
public sealed record TraineeDeparted(Guid CandidateId, int Year, Departure Departure, string Reason, long Sequence, DateTimeOffset At);

/// <summary>
/// A trainee marked NOT_REPORTED reported late after all (ENR-66): they are back in planning. Ordered against
/// <see cref="TraineeDeparted"/> by <see cref="Sequence"/>.
/// </summary>
public sealed record TraineeReturned(Guid CandidateId, int Year, DateOnly ReportedOn, string Reason, long Sequence, DateTimeOffset At);
