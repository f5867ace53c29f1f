using static Recruitment.Enrollment.Features.Documents.EnrollmentDocuments;

namespace Recruitment.Enrollment.Features.Documents;

/// <summary>
/// Answers TrainingExemption's <see cref="DescribeExemptionRequester"/>: the applicant's latest application (by cycle), with
/// the names the exemption application form (FORM-05) prints. Reads only.
/// </summary>
[MartenStore(typeof(IEnrollmentStore))]
public static class DescribeExemptionRequesterHandler
{
    public static async Task<ExemptionRequesterAnswer> Handle(DescribeExemptionRequester query, IQuerySession session, CancellationToken ct)
    {
        var a = await session.Query<Application>().Where(x => x.ApplicantId == query.ApplicantId).OrderByDescending(x => x.Year).FirstOrDefaultAsync(ct);
        if (a is null) return new ExemptionRequesterAnswer(null);
        var cycle = await session.LoadAsync<RecruitmentCycle>(a.Year, ct);
        var baseName = cycle is null ? a.BaseCode : Base(cycle, a.BaseCode).NameZh;
        var specialty = a.OtherSpecialty is { } other ? $"{other}（其他）"
            : cycle?.Specialties.FirstOrDefault(s => s.Code == a.SpecialtyCode)?.NameZh ?? a.SpecialtyCode;
        var highest = a.Profile?.Highest;
        return new ExemptionRequesterAnswer(new ExemptionRequester(a.Id, a.Year, a.Track, a.IsActive, a.BaseCode, baseName, a.SpecialtyCode,
            a.OtherSpecialty, specialty, a.Name, a.Profile?.Basic?.Gender?.ToString(), a.Profile?.Basic?.BirthDate, a.DocumentNumber, a.Mobile,
            Confirmation.OnsiteConfirmationHandler.Highest(a), highest?.School, a.Choice?.RequestsExemption ?? a.ExemptionRequested));
    }
}
