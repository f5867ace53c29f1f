using Recruitment.Enrollment.Contracts;

namespace Recruitment.Examination.Contracts;

/// <summary>
/// A candidate's exam result, published when their base finalises its import (EXAM-15) and again,
/// with a higher <see cref="Revision"/>, after a center correction (EXAM-16). Consumers keep the
/// highest revision. Components are raw; Written and Interview are the scaled parts of the total (EXAM-12).
/// </summary>
public sealed record CandidateScored(
    Guid CandidateId,
    int Year,
    Track Track,
    string BaseCode,
    decimal? Theory,
    decimal? Skill,
    decimal? Interview,
    string AssessmentResult,
    IReadOnlyList<string> AbsentComponents,
    decimal Written,
    decimal InterviewPart,
    decimal Total,
    bool Passed,
    bool Absent,
    int Revision,
    DateTimeOffset At);
