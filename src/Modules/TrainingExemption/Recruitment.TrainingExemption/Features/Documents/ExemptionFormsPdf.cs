using System.Globalization;
using Recruitment.Printing;
using Recruitment.Publications.Contracts;

namespace Recruitment.TrainingExemption.Features.Documents;

/// <summary>
/// The two printed exemption forms, as PDFs with a verification code:
/// <list type="bullet">
/// <item>GET /api/training-exemption/me/application-form.pdf (the requester): the exemption application form (FORM-05,
/// 年限减免申请表), pre-filled for the base and specialty applied for (EXM-04: it is filled in for the applied training
/// specialty and handed in at on-site confirmation). Before the request exists the applied cell comes from Enrollment
/// (<see cref="DescribeExemptionRequester"/>); once base staff keyed the form in, the keyed basis and degree are printed too.</item>
/// <item>GET /api/training-exemption/requests/{requestId}/approval-form.pdf (the base of the request, the center): the exemption
/// approval form (FORM-06, 年限减免审批表) with the approved training time and the make-up content (EXM-05), the capability
/// assessment and the expert conclusion (EXM-07..EXM-10).</item>
/// </list>
/// </summary>
internal sealed class ExemptionFormsPdfEndpoints : ICarterModule
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private static readonly (ExemptionBasis Basis, string Label)[] Bases =
    [
        (ExemptionBasis.PROFESSIONAL_MASTER_CLINICAL, "临床医学硕士专业学位"),
        (ExemptionBasis.PROFESSIONAL_MASTER_STOMATOLOGY, "口腔医学硕士专业学位"),
        (ExemptionBasis.DOCTORATE_CLINICAL, "临床医学博士学位"),
        (ExemptionBasis.DOCTORATE_STOMATOLOGY, "口腔医学博士学位"),
        (ExemptionBasis.CLINICAL_EXPERIENCE, "具有一定年限的临床工作经历"),
    ];

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.ExemptionApi();
        api.MapGet("/me/application-form.pdf", async (Caller caller, HttpContext http, ITrainingExemptionStore store, IMessageBus bus, TimeProvider clock,
                CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                var applicantId = caller.AccountId!.Value;
                var requester = (await bus.InvokeAsync<ExemptionRequesterAnswer>(new DescribeExemptionRequester(applicantId), ct)).Requester;
                await using var session = store.QuerySession();
                var request = await session.Query<ExemptionCase>().Where(c => c.ApplicantId == applicantId).OrderByDescending(c => c.Year)
                    .FirstOrDefaultAsync(ct);
                if (requester is { Track: Track.ASSISTANT_GP })
                    return Refusal.Invalid("exemption.assistant_gp_excluded", "Assistant-GP trainees cannot request a training exemption (EXM-01, ENR-42).")
                        .ToResult();
                // The request of the latest application's cycle, if base staff keyed one in; otherwise a form to fill in by hand.
                if (request is not null && requester is not null && request.Year != requester.Year) request = null;
                if (request is null && requester is not { Active: true })
                    return Refusal.NotFound("exemption.no_application", "You have no active residency application to request a training exemption for.")
                        .ToResult();
                var year = request?.Year ?? requester!.Year;
                var cycle = await session.LoadAsync<ExemptionCycle>(year, ct);
                if (request is null && cycle is not null && now.IsPast(cycle.OnsiteConfirmationEnd))
                    return new Refusal("exemption.request_too_late",
                        $"Requests are made at on-site confirmation, which ended {cycle.OnsiteConfirmationEnd:O} (EXM-04).").ToResult();

                var name = request?.Name ?? requester!.Name;
                var baseCode = request?.BaseCode ?? requester!.BaseCode;
                var baseName = requester?.BaseName ?? BaseNameOf(cycle, baseCode);
                var specialty = requester?.SpecialtyName ?? SpecialtyNameOf(cycle, request!.SpecialtyCode, request.OtherSpecialty);
                var form = request?.Form;
                var title = $"{year}年住院医师规范化培训年限减免申请表";
                var subject = request is not null ? request.Id : requester!.ApplicationId;
                var verification = await RegisterAsync(bus, http, new RegisterDocument($"training-exemption/application-form/{subject}", title, name,
                    baseName, [new("培训基地 Base", $"{baseName} ({baseCode})"), new("申请培训专业 Specialty", specialty)], now), ct);
                var highest = requester?.HighestEducation ?? request?.HighestEducation;

                return PdfResults.File(() =>
                {
                    using var pdf = new PrintedDocument(title, verification);
                    pdf.Heading(title)
                        .Paragraph($"本表按申请的培训专业填写（EXM-04），于现场确认时（{(cycle is null ? "现场确认结束" : Date(cycle.OnsiteConfirmationEnd))}前）交培训基地。", 10f)
                        .Paragraph("一、申请人信息", 12f)
                        .Fields(
                        [
                            ("姓名", name), ("性别", requester?.Gender switch { "MALE" => "男", "FEMALE" => "女", _ => "" }),
                            ("出生日期", requester?.BirthDate?.ToString("yyyy-MM-dd", Invariant)), ("身份证件号码", requester?.DocumentNumber),
                            ("手机", requester?.Mobile), ("申请培训基地", $"{baseName}（{baseCode}）"), ("申请培训专业", specialty),
                        ], size: 10.5f, labelWidth: 120f)
                        .Paragraph("二、学历学位", 12f)
                        .Fields(
                        [
                            ("最高学历", highest is null ? null : $"{Level(highest.Level)}　{Degree(highest.DegreeType)}{(highest.InProgress ? "（在读）" : "")}"),
                            ("毕业院校", requester?.HighestSchool ?? form?.AwardingInstitution),
                            ("学位专业", form?.DegreeMajor ?? highest?.Major), ("学位专业方向", form?.DegreeDirection),
                            ("学位授予单位", form?.AwardingInstitution), ("学位授予国家", form?.Country ?? highest?.Country),
                        ], size: 10.5f, labelWidth: 120f)
                        .Paragraph("三、申请减免依据（在□内打√）", 12f)
                        .Paragraph(string.Join("\n", Bases.Select(b => $"{(form?.Basis == b.Basis ? "■" : "□")} {b.Label}")), 10.5f, 20f)
                        .Paragraph("四、临床工作经历（以临床工作经历申请者填写）", 12f)
                        .Table(["工作单位", "科室", "起止时间", "从事临床工作年限"], [["", "", "", ""], ["", "", "", ""], ["", "", "", ""]], [5f, 3f, 3f, 3f], 10f)
                        .Fields(
                        [
                            ("临床工作年限合计", form?.ExperienceYears is { } y ? $"{y} 年" : "＿＿ 年"),
                            ("申请减免培训时间", form?.RequestedMonths is { } m ? $"{m} 个月" : "＿＿ 个月"),
                        ], size: 10.5f, labelWidth: 140f)
                        .Paragraph("本人承诺所填内容及所附材料真实有效，如有不实，愿承担相应责任。", 10.5f)
                        .Paragraph("申请人签字：＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿年＿＿月＿＿日", 10.5f);
                    return pdf.ToPdf();
                }, $"exemption-application-{year}.pdf");
            })
            .RequireAuthorization(Policies.Applicant);

        api.MapGet("/requests/{requestId:guid}/approval-form.pdf", async (Guid requestId, Caller caller, HttpContext http, ITrainingExemptionStore store,
                IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var found = await ExemptionAccess.ForStaffAsync(session, requestId, caller, ct);
                if (found.Refused(out var refused, out var r)) return refused.ToResult();
                if (r.BaseForm is null && r.Determination is null)
                    return Refusal.NotFound("exemption.base_form_missing", "The base has not filled in the approval form yet.").ToResult();
                var cycle = await session.LoadAsync<ExemptionCycle>(r.Year, ct);
                var baseName = BaseNameOf(cycle, r.BaseCode);
                var specialty = SpecialtyNameOf(cycle, r.SpecialtyCode, r.OtherSpecialty);
                var d = r.Determination;
                var title = $"{r.Year}年住院医师规范化培训年限减免审批表";
                var conclusion = d is null ? "待指导中心认定" : d.Approved ? $"同意减免，核定培训时间 {d.TrainingMonths} 个月" : $"不同意减免，按 {d.TrainingMonths} 个月培训";
                var verification = await RegisterAsync(bus, http, new RegisterDocument($"training-exemption/approval-form/{r.Id}", title, r.Name, baseName,
                [
                    new("培训基地 Base", $"{baseName} ({r.BaseCode})"), new("培训专业 Specialty", specialty), new("认定结论 Conclusion", conclusion),
                ], clock.GetUtcNow()), ct);
                IEnumerable<IReadOnlyList<string?>> MakeUp(IReadOnlyList<MakeUpItem> items) => items.Count == 0
                    ? [["—", ""]]
                    : items.Select(i => (IReadOnlyList<string?>)[SpecialtyNameOf(cycle, i.Specialty, null), $"{i.Months} 个月"]);

                return PdfResults.File(() =>
                {
                    using var pdf = new PrintedDocument(title, verification);
                    pdf.Heading(title)
                        .Paragraph("一、学员信息", 12f)
                        .Fields(
                        [
                            ("姓名", r.Name), ("培训基地", $"{baseName}（{r.BaseCode}）"), ("培训专业", specialty),
                            ("减免依据", r.Form is { } f ? Bases.FirstOrDefault(b => b.Basis == f.Basis).Label : null),
                            ("学位专业（方向）", r.Form is null ? null : $"{r.Form.DegreeMajor}{(r.Form.DegreeDirection is { } dir ? $"（{dir}）" : "")}"),
                            ("学位授予单位及国家", r.Form is null ? null : $"{r.Form.AwardingInstitution}　{r.Form.Country}"),
                            ("临床工作年限", r.Form?.ExperienceYears is { } years ? $"{years} 年" : null),
                            ("申请减免培训时间", r.Form?.RequestedMonths is { } requested ? $"{requested} 个月" : null),
                        ], size: 10.5f, labelWidth: 140f)
                        .Paragraph("二、培训基地审核意见", 12f);
                    if (r.BaseForm is { } b)
                        pdf.Fields([("建议培训时间", $"{b.ProposedMonths} 个月"), ("备注", b.Notes)], size: 10.5f, labelWidth: 140f)
                            .Table(["需补足培训的内容（专业）", "补足时间"], MakeUp(b.MakeUpItems), [3f, 2f], 10f)
                            .Fields([("基地审核人（平台记录）", b.Reviewer), ("审核日期", Date(b.At))], size: 10.5f, labelWidth: 140f)
                            .Paragraph("基地审核人签字：＿＿＿＿＿＿＿＿　　（基地盖章）", 10.5f);
                    else pdf.Paragraph("—", 10.5f);
                    pdf.Paragraph("三、能力测评", 12f)
                        .Fields(
                        [
                            ("测评结果", r.Assessment is null ? "待测评" : r.Assessment.Result == AssessmentResult.PASS ? "通过" : "未通过"),
                            ("测评成绩", r.Assessment?.Score?.ToString("0.##", Invariant)),
                        ], size: 10.5f, labelWidth: 140f)
                        .Paragraph("四、专家认定结论（指导中心）", 12f)
                        .Fields(
                        [
                            ("认定结论", conclusion), ("核定培训时间", d is null ? "待认定" : $"{d.TrainingMonths} 个月"), ("理由", d?.Reason),
                        ], size: 10.5f, labelWidth: 140f);
                    if (d is { Approved: true }) pdf.Table(["需补足培训的内容（专业）", "补足时间"], MakeUp(d.MakeUpItems), [3f, 2f], 10f);
                    pdf.Fields([("中心审批人（平台记录）", d?.DecidedBy), ("审批日期", d is null ? null : Date(d.At))], size: 10.5f, labelWidth: 140f)
                        .Paragraph("审批人签字：＿＿＿＿＿＿＿＿　　（指导中心盖章）", 10.5f);
                    return pdf.ToPdf();
                }, $"exemption-approval-{r.Id:N}.pdf");
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin);
    }

    private static string BaseNameOf(ExemptionCycle? cycle, string code) => cycle?.Bases.FirstOrDefault(b => b.Code == code)?.NameZh ?? code;

    private static string SpecialtyNameOf(ExemptionCycle? cycle, string code, string? other) =>
        other is not null ? $"{other}（其他）" : cycle?.Specialties.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase))?.NameZh ?? code;

    private static string Level(string level) => level switch
    {
        "JUNIOR_COLLEGE" => "大专",
        "BACHELOR" => "本科",
        "MASTER" => "硕士研究生",
        "DOCTORATE" => "博士研究生",
        _ => level,
    };

    private static string Degree(string degreeType) => degreeType switch
    {
        "ACADEMIC" => "学术学位",
        "PROFESSIONAL" => "专业学位",
        _ => "",
    };

    private static string Date(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd", Invariant);

    private static async Task<Verification> RegisterAsync(IMessageBus bus, HttpContext http, RegisterDocument document, CancellationToken ct)
    {
        var registered = await bus.InvokeAsync<DocumentRegistered>(document, ct);
        return new Verification(registered.Code, PdfResults.VerificationUrl(http, registered.Code));
    }
}
