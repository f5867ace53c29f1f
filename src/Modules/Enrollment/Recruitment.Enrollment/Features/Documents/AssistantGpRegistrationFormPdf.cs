using Recruitment.Printing;
using Recruitment.Publications.Contracts;
using static Recruitment.Enrollment.Features.Documents.EnrollmentDocuments;
using static Recruitment.Enrollment.Features.Documents.PrintedValues;

namespace Recruitment.Enrollment.Features.Documents;

/// <summary>
/// GET /api/enrollment/applications/{applicationId}/att3.pdf: Att3, the assistant-GP registration form (FORM-01) of one
/// registrant, printed from what B07 staff keyed in on site (ENR-38), for the registrant to check and sign and for the
/// base's file (ENR-40: the base stamps qualifying forms). Printed by the registrant themselves, their base and the center.
/// A registrant keyed in by staff has no account of their own: an applicant account with the same ID number is them.
/// </summary>
internal sealed class AssistantGpRegistrationFormPdfEndpoint : ICarterModule
{
    /// <summary>Att3's fixed "training content" (DOMAIN.md FORM-01, ROT-10).</summary>
    private const string TrainingContent = "按照《助理全科医生培训标准（试行）》（卫科教发〔2012〕59号）进行培训";

    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/enrollment/applications/{applicationId:guid}/att3.pdf", async (Guid applicationId, HttpContext http, IEnrollmentStore store,
                IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var a = await session.LoadAsync<Application>(applicationId, ct)
                        ?? throw DomainException.NotFound("application.not_found", $"No application {applicationId}.");
                await EnsureMayPrintAsync(session, a, http.User, ct);
                if (a.Track != Track.ASSISTANT_GP || a.Form is not { } form)
                    throw DomainException.NotFound("document.not_assistant_gp", "Att3 is the assistant-GP registration form; this is a residency application.");
                var cycle = await session.LoadAsync<RecruitmentCycle>(a.Year, ct)
                            ?? throw DomainException.NotFound("cycle.not_found", $"No recruitment cycle {a.Year}.");
                var trainingBase = Base(cycle, a.BaseCode);
                var title = $"吉林省{a.Year}年助理全科医生培训报名登记表";
                var verification = await RegisterAsync(bus, http, new RegisterDocument($"enrollment/att3/{a.Id}", title, a.Name, trainingBase.NameZh,
                    [new("培训基地 Base", $"{trainingBase.NameZh} ({trainingBase.Code})"), new("年度 Year", a.Year.ToString(Invariant))],
                    clock.GetUtcNow()), ct);
                var sponsored = a.Category == Category.SPONSORED;
                var stamped = a.Status is not (ApplicationStatus.ONSITE_REGISTERED or ApplicationStatus.REJECTED or ApplicationStatus.WITHDRAWN
                    or ApplicationStatus.CANCELLED_FALSE_INFO);

                return PdfResults.File(() =>
                {
                    using var pdf = new PrintedDocument(title, verification);
                    pdf.Paragraph("附件3", 10.5f).Heading(title);
                    var top = pdf.Cursor;
                    pdf.PhotoTopRight(null, top)
                        .Fields(
                        [
                            ("姓名", a.Name), ("性别", Chinese(form.Gender?.ToString())), ("民族", form.Ethnicity), ("出生年月", form.BirthMonth),
                            ("政治面貌", form.PoliticalAffiliation), ("户籍所在地", form.HukouLocation), ("身份证号", a.DocumentNumber),
                            ("婚姻状况", form.MaritalStatus), ("健康状况", form.HealthStatus),
                        ], size: 10.5f, labelWidth: 110f, width: pdf.ContentWidth - 100)
                        .Fields(
                        [
                            ("电子邮箱", form.Email), ("固定电话", form.Landline), ("手机", a.Mobile), ("通讯地址", form.MailingAddress),
                            ("邮政编码", form.PostalCode),
                        ], size: 10.5f, labelWidth: 110f)
                        .Paragraph("报名信息", 12f)
                        .Fields(
                        [
                            ("培训基地", $"{trainingBase.NameZh}（{trainingBase.Code}）"), ("培训内容", TrainingContent),
                            ("助理执业医师资格证", string.IsNullOrWhiteSpace(form.AssistantPhysicianCertNumber) ? "□是　■否" : "■是　□否"),
                            ("证书编号", form.AssistantPhysicianCertNumber),
                            ("学员类别", Chinese(a.Category.ToString())), ("工作单位", sponsored ? form.EmployerName : "—"),
                        ], size: 10.5f, labelWidth: 130f)
                        .Paragraph("学习经历（从大专填起）", 12f)
                        .Table(["学历", "起止时间", "学校（院系）", "专业", "学习形式"],
                            (form.Education ?? []).Select(e => (IReadOnlyList<string?>)
                                [Chinese(e.Level.ToString()), $"{Month(e.Start)}—{Month(e.End)}", e.School, e.Major, Chinese(e.Mode.ToString())])
                            .DefaultIfEmpty(["大专", "", "", "", ""]),
                            [2f, 3f, 5f, 3.5f, 2f], size: 9.5f)
                        .Paragraph("临床工作经历", 12f)
                        .Table(["医院名称", "医院等级", "科室", "起止时间", "职务", "证明人"],
                            ClinicalRows(form.ClinicalExperience ?? []), [5f, 2f, 2.5f, 3.5f, 2f, 2f], size: 9.5f)
                        .Fields([("外语语种及水平", form.ForeignLanguage)], size: 10.5f, labelWidth: 130f)
                        .Paragraph("本人承诺以上所填信息真实、准确，如有虚假，自愿取消培训资格。", 10.5f)
                        .Paragraph("申请人签字：＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿年＿＿月＿＿日", 10.5f)
                        .Paragraph(sponsored
                            ? $"单位意见（委派单位：{form.EmployerName}）：同意该同志参加助理全科医生培训。\n单位负责人签字：＿＿＿＿＿＿＿＿　　（单位盖章）　　日期：＿＿＿＿年＿＿月＿＿日"
                            : "单位意见：面向社会招收学员，无需填写。", 10.5f)
                        .Paragraph(stamped
                            ? $"培训基地审核意见：审核合格（{trainingBase.NameZh}）　　（基地盖章）　　日期：＿＿＿＿年＿＿月＿＿日"
                            : "培训基地审核意见：＿＿＿＿＿＿＿＿　　（基地盖章）　　日期：＿＿＿＿年＿＿月＿＿日", 10.5f);
                    return pdf.ToPdf();
                }, $"att3-{a.Year}-{a.Id:N}.pdf");
            })
            .RequireAuthorization(Policies.ApplicantBaseOrCenter).WithTags("Enrollment: documents");

    /// <summary>Att3 has three rows for clinical work; more are printed when more were keyed in.</summary>
    private static IEnumerable<IReadOnlyList<string?>> ClinicalRows(IReadOnlyList<ClinicalExperience> experience)
    {
        foreach (var c in experience)
            yield return [c.Hospital, c.HospitalGrade, c.Department, $"{Month(c.Start)}—{(c.End is { } end ? Month(end) : "至今")}", c.Position, c.ReferencePerson];
        for (var i = experience.Count; i < 3; i++) yield return ["", "", "", "", "", ""];
    }

    /// <summary>
    /// The registrant (by account, or by an applicant account holding the same ID number), staff of the registration's
    /// base, or the center; the policy has already kept every other role out.
    /// </summary>
    private static async Task EnsureMayPrintAsync(IQuerySession session, Application a, ClaimsPrincipal user, CancellationToken ct)
    {
        if (user.IsInRole(Roles.Applicant))
        {
            var me = user.AccountId();
            if (a.ApplicantId == me) return;
            if (a.ApplicantId is null && await session.LoadAsync<Applicant>(me, ct) is { } applicant
                                      && string.Equals(applicant.DocumentNumber, a.DocumentNumber, StringComparison.OrdinalIgnoreCase)) return;
            throw DomainException.Forbidden("document.forbidden", "Only the applicant, their base and the center print this document.");
        }
        user.EnsureActsForBase(a.BaseCode);
    }
}
