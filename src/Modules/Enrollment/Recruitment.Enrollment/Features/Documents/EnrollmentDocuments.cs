using Recruitment.Printing;
using Recruitment.Publications.Contracts;

namespace Recruitment.Enrollment.Features.Documents;

/// <summary>What every printed Enrollment document needs: who may print it, the cycle's names for codes, the register.</summary>
internal static class EnrollmentDocuments
{
    public static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The admission notice's key in Publications' register: one code per application, withdrawn on departure.</summary>
    public static string AdmissionNoticeSubject(Guid applicationId) => $"enrollment/admission-notice/{applicationId}";

    /// <summary>The applicant themselves, or staff of the application's base (the center sees every base).</summary>
    public static async Task<(Application Application, RecruitmentCycle Cycle)> LoadForAsync(IQuerySession session, Guid applicationId,
        ClaimsPrincipal user, CancellationToken ct)
    {
        var a = await session.LoadAsync<Application>(applicationId, ct)
                ?? throw DomainException.NotFound("application.not_found", $"No application {applicationId}.");
        var own = user.IsInRole(Roles.Applicant) && a.ApplicantId == user.AccountId();
        if (!own && !user.IsInRole(Roles.BaseAdmin) && !user.IsInRole(Roles.CenterAdmin))
            throw DomainException.Forbidden("document.forbidden", "Only the applicant, their base and the center print this document.");
        if (!own) user.EnsureActsForBase(a.BaseCode);
        var cycle = await session.LoadAsync<RecruitmentCycle>(a.Year, ct)
                    ?? throw DomainException.NotFound("cycle.not_found", $"No recruitment cycle {a.Year}.");
        return (a, cycle);
    }

    public static TrainingBase Base(RecruitmentCycle cycle, string code) =>
        cycle.Bases.FirstOrDefault(b => b.Code == code) ?? new TrainingBase(code, code, code, "", []);

    public static string SpecialtyName(RecruitmentCycle cycle, Application a) =>
        a.Track == Track.ASSISTANT_GP ? "助理全科医生 Assistant GP"
        : a.OtherSpecialty is { } other ? $"{other}（其他 OTHER）"
        : cycle.Specialties.FirstOrDefault(s => s.Code == a.SpecialtyCode) is { } s ? $"{s.NameZh} {s.NameEn}" : a.SpecialtyCode;

    public static string TrackName(Track track) => track == Track.ASSISTANT_GP ? "助理全科医生培训" : "住院医师规范化培训";

    /// <summary>An ID number as documents print it: the first 6 and last 4 characters (enough to tell two namesakes apart).</summary>
    public static string MaskedId(string idNumber) =>
        idNumber.Length <= 10 ? new string('*', idNumber.Length) : idNumber[..6] + new string('*', idNumber.Length - 10) + idNumber[^4..];

    public static string Date(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd", Invariant);

    /// <summary>Registers the document (same subject, same code) and returns how the page footer verifies it.</summary>
    public static async Task<Verification> RegisterAsync(IMessageBus bus, HttpContext http, RegisterDocument document, CancellationToken ct)
    {
        var registered = await bus.InvokeAsync<DocumentRegistered>(document, ct);
        return new Verification(registered.Code, PdfResults.VerificationUrl(http, registered.Code));
    }
}
