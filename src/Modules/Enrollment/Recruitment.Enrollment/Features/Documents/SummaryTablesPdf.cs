using Recruitment.Enrollment.Features.Admission;
using Recruitment.Printing;
using Recruitment.Publications.Contracts;
using static Recruitment.Enrollment.Features.Documents.EnrollmentDocuments;
using static Recruitment.Enrollment.Features.Documents.PrintedValues;

namespace Recruitment.Enrollment.Features.Documents;

/// <summary>
/// The summary tables a base signs, seals and sends the center (ENR-40, ENR-52), as printable PDFs:
/// <list type="bullet">
/// <item>GET /api/enrollment/bases/{baseCode}/documents/form-04.pdf?year=: FORM-04, the residency proposed-admission
/// summary (住院医师规范化培训拟录取学员汇总表) of one base;</item>
/// <item>GET /api/enrollment/bases/{baseCode}/documents/att4.pdf?year=&amp;list=proposed|qualified: Att4 (FORM-02), the
/// assistant-GP summary of the assistant-GP base, as the proposed-admission list (default) or the qualified registrants (ENR-40).</item>
/// </list>
/// Rows, their order (ENR-52) and their numbering are those of the CSV/XLSX export of the same table
/// (<see cref="AdmissionExportsEndpoint"/>), so the paper and the file the center receives never differ.
/// The base admin of that base, the center and the PHC may print them.
/// </summary>
internal sealed class SummaryTablesPdfEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/enrollment/bases/{baseCode}/documents/form-04.pdf", async (string baseCode, int? year, HttpContext http, IEnrollmentStore store,
                IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(baseCode);
                await using var session = store.QuerySession();
                var cycle = await ApplicationAccess.Cycle(session, year, ct);
                var trainingBase = KnownBase(cycle, baseCode);
                var rows = await RowsAsync(session, cycle, baseCode, "residency-proposed", ct);
                var title = $"{cycle.Id}年住院医师规范化培训拟录取学员汇总表";
                var verification = await RegisterAsync(bus, http, new RegisterDocument($"enrollment/form-04/{cycle.Id}/{baseCode}", title,
                    trainingBase.NameZh, trainingBase.NameZh,
                    [new("培训基地 Base", $"{trainingBase.NameZh} ({baseCode})"), new("年度 Year", cycle.Id.ToString(Invariant)), new("人数 Rows", Count(rows))],
                    clock.GetUtcNow()), ct);
                string[] headers =
                [
                    "序号", "姓名", "性别", "身份证件号码", "手机", "培训基地", "培训专业", "最高学历", "学位类型", "学员类别", "工作单位",
                    "免费定向（定向县）", "申请减免", "拟培训年限（月）", "总成绩",
                ];
                var cells = rows.Select(r => (IReadOnlyList<string?>)
                [
                    Text(r["no"]), Text(r["name"]), Chinese(r["gender"]), Text(r["idNumber"]), Text(r["mobile"]), trainingBase.NameZh,
                    SpecialtyZh(cycle, Text(r["specialty"])), Chinese(r["highestEducation"]), Chinese(r["degreeType"]), Chinese(r["category"]),
                    Text(r["employer"]),
                    Text(r["freeStudent"]) == "Y" ? $"是（{Text(r["directedCounty"])}）" : "否",
                    Text(r["exemptionRequested"]) == "Y" ? "是" : "否", Text(r["trainingMonths"]), Text(r["total"]),
                ]).ToList();
                return PdfResults.File(() =>
                {
                    using var pdf = new PrintedDocument(title, verification, landscape: true);
                    pdf.Heading(title)
                        .Paragraph($"培训基地（盖章）：{trainingBase.NameZh}　　　　填报日期：{Date(clock.GetUtcNow())}　　　　共 {rows.Count} 人", 10.5f)
                        .Table(headers, cells, [2.2f, 4f, 2.2f, 8f, 5.6f, 7f, 5f, 4.2f, 4f, 4f, 6f, 5f, 3f, 3.6f, 3.4f], size: 7.5f)
                        .Paragraph("说明：申请年限减免的学员排在前面；同组内按专业行顺序（全科、儿科、精神科、妇产科、麻醉科、急诊科、病理科、重症医学科，其他专业按名称）、" +
                                   "总成绩从高到低排列（ENR-52）。", 8.5f)
                        .Paragraph("培训基地负责人（签字）：＿＿＿＿＿＿＿＿　　　　　联系人：＿＿＿＿＿＿＿＿　　　　　联系电话：＿＿＿＿＿＿＿＿", 10.5f);
                    return pdf.ToPdf();
                }, $"form-04-{cycle.Id}-{baseCode}.pdf");
            })
            .RequireAuthorization(Policies.AdmissionStaff).WithTags("Enrollment: documents");

        app.MapGet("/api/enrollment/bases/{baseCode}/documents/att4.pdf", async (string baseCode, int? year, string? list, HttpContext http,
                IEnrollmentStore store, IMessageBus bus, TimeProvider clock, CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(baseCode);
                var qualified = (list?.Trim().ToLowerInvariant() ?? "proposed") switch
                {
                    "proposed" => false,
                    "qualified" => true,
                    _ => throw DomainException.Invalid("document.unknown_list", "list is proposed or qualified (ENR-40)."),
                };
                await using var session = store.QuerySession();
                var cycle = await ApplicationAccess.Cycle(session, year, ct);
                var trainingBase = KnownBase(cycle, baseCode);
                if (baseCode != cycle.AssistantGp.BaseCode)
                    throw DomainException.NotFound("agp.base_not_offered", $"Assistant-GP training is offered only at {cycle.AssistantGp.BaseCode} (ENR-35).");
                var rows = await RowsAsync(session, cycle, baseCode, qualified ? "assistant-gp-qualified" : "assistant-gp-proposed", ct);
                var title = qualified ? $"吉林省{cycle.Id}年助理全科医生培训报名资格审核合格人员汇总表" : $"吉林省{cycle.Id}年助理全科医生培训拟录取人员汇总表";
                var verification = await RegisterAsync(bus, http, new RegisterDocument(
                    $"enrollment/att4-{(qualified ? "qualified" : "proposed")}/{cycle.Id}/{baseCode}", title, trainingBase.NameZh, trainingBase.NameZh,
                    [new("培训基地 Base", $"{trainingBase.NameZh} ({baseCode})"), new("年度 Year", cycle.Id.ToString(Invariant)), new("人数 Rows", Count(rows))],
                    clock.GetUtcNow()), ct);
                string[] headers = ["序号", "姓名", "性别", "身份证号", "手机号码", "最高学历", "学员类别（单位委派/面向社会）", "工作单位（单位委派人员填写）"];
                var cells = rows.Select(r => (IReadOnlyList<string?>)
                [
                    Text(r["no"]), Text(r["name"]), Chinese(r["gender"]), Text(r["idNumber"]), Text(r["mobile"]), Chinese(r["highestEducation"]),
                    Chinese(r["category"]), Text(r["employer"]),
                ]).ToList();
                return PdfResults.File(() =>
                {
                    using var pdf = new PrintedDocument(title, verification, landscape: true);
                    pdf.Paragraph("附件4", 10.5f)
                        .Heading(title)
                        .Paragraph($"培训基地（盖章）：{trainingBase.NameZh}　　　　填报日期：{Date(clock.GetUtcNow())}　　　　共 {rows.Count} 人", 10.5f)
                        .Table(headers, cells, [2f, 4f, 2f, 8f, 5.5f, 4.5f, 6f, 9f], size: 8.5f)
                        .Paragraph("培训基地负责人（签字）：＿＿＿＿＿＿＿＿　　　　　联系人：＿＿＿＿＿＿＿＿　　　　　联系电话：＿＿＿＿＿＿＿＿", 10.5f);
                    return pdf.ToPdf();
                }, $"att4-{(qualified ? "qualified" : "proposed")}-{cycle.Id}-{baseCode}.pdf");
            })
            .RequireAuthorization(Policies.AdmissionStaff).WithTags("Enrollment: documents");
    }

    private static TrainingBase KnownBase(RecruitmentCycle cycle, string baseCode) =>
        cycle.Bases.FirstOrDefault(b => b.Code == baseCode)
        ?? throw DomainException.NotFound("base.not_found", $"{baseCode} is not a base of the {cycle.Id} cycle.");

    private static async Task<List<IReadOnlyDictionary<string, object?>>> RowsAsync(IQuerySession session, RecruitmentCycle cycle, string baseCode,
        string table, CancellationToken ct)
    {
        var (track, statuses, _) = AdmissionExportsEndpoint.Table(table)!.Value;
        var applications = await session.Query<Application>().Where(a => a.Year == cycle.Id && a.BaseCode == baseCode && a.Track == track).ToListAsync(ct);
        return AdmissionExportsEndpoint.Rows(applications.Where(a => statuses.Contains(a.Status)), cycle).ToList();
    }

    private static string Count(List<IReadOnlyDictionary<string, object?>> rows) => rows.Count.ToString(Invariant);

    private static string SpecialtyZh(RecruitmentCycle cycle, string code) =>
        cycle.Specialties.FirstOrDefault(s => s.Code == code)?.NameZh ?? $"{code}（其他）";
}
