using Recruitment.AdvancedFellowship.Features.Admission;
using Recruitment.Printing;
using Recruitment.Publications.Contracts;

namespace Recruitment.AdvancedFellowship.Features.Documents;

/// <summary>
/// The fellowship's printed documents as PDF with a verification code and QR code (ADR 0201), for the people who may
/// read the HTML and JSON forms (the fellowship admin, the applicant themselves):
/// GET /applications/{id}/notice.pdf, the admission notice (FORM-09, FEL-14), once issued;
/// GET /fellows/{id}/certificate.pdf, the certificate of completion (FEL-24, FEL-25), once issued.
/// An employer or title committee holding the paper checks it at /verify/{code} without an account.
/// </summary>
internal sealed class FellowshipPdfEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.FellowshipApi("documents");
        api.MapGet("/applications/{applicationId:guid}/notice.pdf", async (Guid applicationId, Caller caller, HttpContext http,
                IAdvancedFellowshipStore store, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                if ((await FellowshipAccess.ApplicationFor(session, applicationId, caller, ct)).Refused(out var refused, out var f))
                    return refused.ToResult();
                if (f.Notice is null || f.Status is FellowshipStatus.WITHDRAWN or FellowshipStatus.REJECTED)
                    return Refusal.NotFound("notice.not_issued", "No admission notice has been issued for this application (FEL-03).").ToResult();
                var n = AdmissionNoticeEndpoints.View(f, await FellowshipAccess.Cycle(session, f.Year, ct));
                const string title = "进修录取通知书";
                var verification = await RegisterAsync(bus, http, new RegisterDocument($"advanced-fellowship/notice/{f.Id}", title, n.Name,
                    Printable.Hospital,
                    [
                        new("进修科室 Department", $"{n.DepartmentZh} {n.Department}"), new("进修时长 Duration", $"{n.DurationMonths} 个月 months"),
                        new("报到时间 Reporting date", Printable.Date(n.ReportingDate)), new("通知书编号 Notice No.", n.NoticeNumber),
                    ], clock.GetUtcNow()), ct);
                return PdfResults.File(() =>
                {
                    using var pdf = new PrintedDocument(title, verification);
                    pdf.Heading(title).Heading("Fellowship admission notice (FORM-09)", 11)
                        .Paragraph($"编号 No. {n.NoticeNumber}", 10)
                        .Paragraph($"{n.Name} 同志：", 12)
                        .Paragraph($"经审核，你已被录取为我院“卓越青年医师”进修学员，进修科室为{n.DepartmentZh}，进修时长 {n.DurationMonths} 个月。" +
                                   $"请于 {Printable.Date(n.ReportingDate)} 持本通知书及下列材料（复印件均加盖单位公章）到科教部报到。", 12, 0)
                        .Fields(
                        [
                            ("姓名 Name", n.Name), ("进修科室 Department", $"{n.PositionNo}. {n.DepartmentZh} {n.Department}"),
                            ("岗位类别 Post type", n.PostType == nameof(PostType.PHYSICIAN) ? "医师 Physician" : "技师 Technician"),
                            ("进修时长 Duration", $"{n.DurationMonths} 个月 months"), ("培养方向 Direction", n.Direction),
                            ("报到时间 Reporting date", Printable.Date(n.ReportingDate)), ("报到地点 Address", n.ReportingAddress),
                            ("联系人 Contacts", n.Contacts), ("签发日期 Issued on", Printable.Date(n.IssuedOn)),
                        ])
                        .Heading("报到须携带材料 Documents to bring", 12);
                    foreach (var item in n.DocumentsToBring) pdf.Paragraph("· " + item, 10);
                    pdf.Paragraph(Printable.Hospital, 11, 200);
                    return pdf.ToPdf();
                }, $"fellowship-notice-{n.NoticeNumber}.pdf");
            })
            .RequireAuthorization(Policies.AnyUser);

        api.MapGet("/fellows/{fellowId:guid}/certificate.pdf", async (Guid fellowId, Caller caller, HttpContext http,
                IAdvancedFellowshipStore store, IMessageBus bus, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                if ((await FellowshipAccess.FellowFor(session, fellowId, caller, ct)).Refused(out var refused, out var f)) return refused.ToResult();
                if (f.Status == FellowshipStatus.NOT_CERTIFIED) return Assessments.IssueCertificateHandler.Unqualified.ToResult();
                if (f.Certificate is not { } c)
                    return Refusal.NotFound("certificate.not_issued", "No certificate of completion has been issued to this fellow.").ToResult();
                var cycle = await FellowshipAccess.Cycle(session, f.Year, ct);
                var position = cycle.Find(f.PositionNo!.Value)!;
                var grade = c.Grade == Grade.EXCELLENT ? "优秀 Excellent" : "合格 Qualified";
                const string title = "国家区域医疗中心进修培养合格证书";
                // The register's facts may be public: never the ID number (ADR 0201).
                var verification = await RegisterAsync(bus, http, new RegisterDocument($"advanced-fellowship/certificate/{f.Id}", title, f.Name,
                    Printable.Hospital,
                    [
                        new("进修科室 Department", $"{position.DepartmentZh} {position.DepartmentEn}"),
                        new("进修时间 Training period", $"{Printable.Date(c.Start)} – {Printable.Date(c.End)}"),
                        new("考核结果 Grade", grade), new("证书编号 Certificate No.", c.Number),
                    ], new DateTimeOffset(c.IssuedOn.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset)), ct);
                return PdfResults.File(() =>
                {
                    using var pdf = new PrintedDocument(title, verification);
                    pdf.Heading(title).Heading("Certificate of Completion: advanced fellowship (Excellent Young Physician)", 11)
                        .Paragraph($"证书编号 No. {c.Number}", 10)
                        .Paragraph($"{f.Name}（{f.SendingUnitName}）于 {Printable.Date(c.Start)} 至 {Printable.Date(c.End)} 在我院{position.DepartmentZh}" +
                                   $"参加“卓越青年医师”定向进修培养，考核{(c.Grade == Grade.EXCELLENT ? "优秀" : "合格")}，特发此证。", 12, 0)
                        .Fields(
                        [
                            ("姓名 Name", f.Name), ("身份证号 ID number", MaskedId(f.DocumentNumber)), ("选派单位 Sending unit", f.SendingUnitName),
                            ("进修科室 Department", $"{position.No}. {position.DepartmentZh} {position.DepartmentEn}"), ("培养方向 Direction", position.Direction),
                            ("进修时间 Training period", $"{Printable.Date(c.Start)} – {Printable.Date(c.End)} ({f.DurationMonths} 个月 months)"),
                            ("考核结果 Grade", grade), ("签发日期 Issued on", Printable.Date(c.IssuedOn)),
                        ])
                        .Paragraph("本证书可作为广西卫生系列职称申报的进修、培训学习经历证明。" +
                                   (c.Grade == Grade.EXCELLENT ? "考核优秀者，建议选派单位在同等条件下优先考虑职称评聘和岗位晋升。" : ""), 10)
                        .Paragraph(Printable.Hospital, 11, 200);
                    return pdf.ToPdf();
                }, $"fellowship-certificate-{c.Number}.pdf");
            })
            .RequireAuthorization(Policies.AnyUser);
    }

    /// <summary>An ID number as documents print it: the first 6 and last 4 characters.</summary>
    private static string MaskedId(string idNumber) =>
        idNumber.Length <= 10 ? new string('*', idNumber.Length) : idNumber[..6] + new string('*', idNumber.Length - 10) + idNumber[^4..];

    /// <summary>Registers the document (the same subject keeps its code on a reprint) and returns how the footer verifies it.</summary>
    private static async Task<Verification> RegisterAsync(IMessageBus bus, HttpContext http, RegisterDocument document, CancellationToken ct)
    {
        var registered = await bus.InvokeAsync<DocumentRegistered>(document, ct);
        return new Verification(registered.Code, PdfResults.VerificationUrl(http, registered.Code));
    }
}
