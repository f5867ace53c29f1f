namespace Recruitment.Enrollment.Features.Applications;

/// <summary>The roster message for a candidate who may now sit the exams (EXAM-04).</summary>
internal static class Roster
{
    public static CandidateEligibleForExams Eligible(Application a, bool exemptionRequested, DateTimeOffset now) =>
        new(a.Id, a.ApplicantId, a.Year, a.Track, a.BaseCode, a.SpecialtyCode, a.OtherSpecialty, a.DocumentNumber, a.Name, a.Category.ToString(),
            exemptionRequested, now);
}
