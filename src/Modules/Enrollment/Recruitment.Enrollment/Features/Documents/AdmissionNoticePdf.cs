using Recruitment.Printing;
using Recruitment.Publications.Contracts;
using static Recruitment.Enrollment.Features.Documents.EnrollmentDocuments;

namespace Recruitment.Enrollment.Features.Documents;

/// <summary>
/// GET /api/enrollment/applications/{applicationId}/notice.pdf: the admission notice (录取通知书) of an admitted
/// residency trainee or assistant-GP trainee as a printable PDF (ENR-59), with its verification code and QR code.
/// The same people as the HTML notice may print it; none exists before admission (publicity ended, no objection).
/// </summary>
internal sealed class AdmissionNoticePdfEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/enrollment/applications/{applicationId:guid}/notice.pdf", async (Guid applicationId, HttpContext http,
                IEnrollmentStore store, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var (a, cycle) = await LoadForAsync(session, applicationId, http.User, ct);
                if (!a.IsAdmitted) throw DomainException.NotFound("notice.not_available", "There is no admission notice: the candidate is not admitted (yet).");
                var admitted = Admissions.Message(a, cycle, DateTimeOffset.MinValue);
                var trainingBase = Base(cycle, a.BaseCode);
                var specialty = SpecialtyName(cycle, a);
                var number = Admissions.NoticeNumber(a);
                var now = clock.GetUtcNow();
                var title = $"{a.Year}年{TrackName(a.Track)}录取通知书";
                var verification = await RegisterAsync(bus, http, new RegisterDocument(AdmissionNoticeSubject(a.Id), title, a.Name,
                    trainingBase.NameZh,
                    [
                        new("培训基地 Base", $"{trainingBase.NameZh} ({trainingBase.Code})"), new("培训专业 Specialty", specialty),
                        new("培训年限 Training", $"{admitted.TrainingMonths} 个月 months"), new("通知书编号 Notice No.", number),
                    ], now), ct);

                return PdfResults.File(() =>
                {
                    using var pdf = new PrintedDocument(title, verification);
                    pdf.Heading(title)
                        .Heading(a.Track == Track.ASSISTANT_GP ? "Admission notice: assistant general practitioner training" : "Admission notice: standardized residency training", 11)
                        .Paragraph($"编号 No. {number}", 10)
                        .Paragraph($"{a.Name} 同志：", 12)
                        .Paragraph($"经报名审核、考试考核和公示，你已被{trainingBase.NameZh}{specialty}专业录取为{a.Year}年{TrackName(a.Track)}学员。" +
                                   $"培训年限为 {admitted.TrainingMonths} 个月，自 {admitted.TrainingStart:yyyy-MM-dd} 起计算培训时间。" +
                                   $"请于 {Date(cycle.Calendar.ReportingDeadline)} 前持本通知书到培训基地报到，逾期未报到者视为自动放弃。", 12, 0)
                        .Paragraph($"Dear {a.Name}: after the qualification review, the examinations and the public notice you are admitted to " +
                                   $"{trainingBase.NameEn}, {specialty}, for {admitted.TrainingMonths} months of training from {admitted.TrainingStart:yyyy-MM-dd}. " +
                                   $"Please report to the base with this notice by {Date(cycle.Calendar.ReportingDeadline)}.", 10)
                        .Fields(
                        [
                            ("姓名 Name", a.Name), ("培训基地 Base", $"{trainingBase.NameZh}（{trainingBase.NameEn}）"), ("培训专业 Specialty", specialty),
                            ("学员类别 Category", a.Category == Category.SPONSORED ? "单位委派 Sponsored" : "面向社会 Independent"),
                            ("培训年限 Training", $"{admitted.TrainingMonths} 个月 months"), ("报到截止 Report by", Date(cycle.Calendar.ReportingDeadline)),
                            ("基地联系人 Contact", string.Join("；", trainingBase.Contacts.Select(c => $"{c.Name} {c.Phone}"))),
                        ])
                        .Paragraph($"{trainingBase.NameZh}\n吉林省住院医师规范化培训指导中心\n{Date(now)}", 12, 300);
                    return pdf.ToPdf();
                }, $"admission-notice-{number}.pdf");
            })
            .RequireAuthorization(Policies.AnyUser).WithTags("Enrollment: documents");
}
