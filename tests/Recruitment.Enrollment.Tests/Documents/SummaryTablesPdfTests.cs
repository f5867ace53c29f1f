using Marten;
using Recruitment.Enrollment.Contracts;
using static Recruitment.Enrollment.Tests.Cohorts;
using static Recruitment.Testing.PdfRoutes;

namespace Recruitment.Enrollment.Tests.Documents;

/// <summary>
/// FORM-04 (residency proposed-admission summary), Att4 (FORM-02, the assistant-GP summary) and Att3 (FORM-01, the
/// assistant-GP registration form) as PDFs: their Chinese text read back, and who may print them.
/// </summary>
[Collection(OnsiteCollection.Name)]
public sealed class SummaryTablesPdfTests(RecruitmentApp app)
{
    [Fact]
    public async Task FORM_04_of_a_base_lists_its_proposed_trainees_in_Chinese_for_the_base_the_center_and_the_PHC_only()
    {
        var year = await NewCycleAsync(app);
        var proposed = await ProposedAsync(year, "B01", "OBG", "李晓雷", total: 88, exemption: true);
        await ProposedAsync(year, "B01", "GP", "韩梅梅", total: 91);
        await ExaminedAsync(app, year, "B01", "GP", 70, name: "未拟录取人"); // examined, not proposed: not on FORM-04
        await ProposedAsync(year, "B02", "GP", "别的基地人", total: 95);
        var idNumber = (await LoadAsync(app, proposed)).DocumentNumber;
        var route = $"/api/enrollment/bases/B01/documents/form-04.pdf?year={year}";

        using var b01 = await app.SignedInAsync("t-b01");
        var pdf = await PdfAsync(b01, route);
        pdf.Compact.ShouldContain($"{year}年住院医师规范化培训拟录取学员汇总表");
        pdf.Compact.ShouldContain("吉林大学第一医院");
        pdf.Compact.ShouldContain("李晓雷");
        pdf.Compact.ShouldContain("妇产科");
        pdf.Compact.ShouldContain("韩梅梅");
        pdf.Compact.ShouldContain("全科");
        pdf.Compact.ShouldContain(idNumber, customMessage: "FORM-04 has the ID number column");
        pdf.Compact.ShouldContain("共2人");
        pdf.Compact.ShouldNotContain("未拟录取人");
        pdf.Compact.ShouldNotContain("别的基地人");
        // ENR-52: the exemption requester comes first even with the lower total.
        pdf.Compact.IndexOf("李晓雷", StringComparison.Ordinal).ShouldBeLessThan(pdf.Compact.IndexOf("韩梅梅", StringComparison.Ordinal));
        pdf.QrTexts.ShouldHaveSingleItem().ShouldStartWith("http://localhost/verify/");

        foreach (var login in new[] { "t-center", "t-phc" })
        {
            using var staff = await app.SignedInAsync(login);
            (await PdfAsync(staff, route)).Compact.ShouldContain("李晓雷");
        }
        using var b02 = await app.SignedInAsync("t-b02");
        await NoPdfAsync(await b02.GetAsync(route), HttpStatusCode.Forbidden, "base.forbidden");
        var (_, applicant) = await Applicants.RegisterAsync(app, withPhoto: false);
        await NoPdfAsync(await applicant.GetAsync(route), HttpStatusCode.Forbidden);
        using var anonymous = app.Anonymous();
        await NoPdfAsync(await anonymous.GetAsync(route), HttpStatusCode.Unauthorized);
        await NoPdfAsync(await b01.GetAsync("/api/enrollment/bases/B01/documents/form-04.pdf?year=1999"), HttpStatusCode.NotFound, "cycle.not_found");
    }

    [Fact]
    public async Task Att4_of_the_assistant_GP_base_lists_proposed_or_qualified_registrants_with_the_employer_of_the_sponsored_only()
    {
        var year = await NewCycleAsync(app);
        var sponsored = await ProposedAsync(year, "B07", "AGP", "王助理", total: 80, track: Track.ASSISTANT_GP, category: Category.SPONSORED);
        await ProposedAsync(year, "B07", "AGP", "赵社会", total: 78, track: Track.ASSISTANT_GP);
        await ExaminedAsync(app, year, "B07", "AGP", 0, track: Track.ASSISTANT_GP, name: "钱合格", published: false); // QUALIFIED
        var idNumber = (await LoadAsync(app, sponsored)).DocumentNumber;

        using var b07 = await app.SignedInAsync("t-b07");
        var pdf = await PdfAsync(b07, $"/api/enrollment/bases/B07/documents/att4.pdf?year={year}");
        pdf.Compact.ShouldContain($"吉林省{year}年助理全科医生培训拟录取人员汇总表");
        pdf.Compact.ShouldContain("附件4");
        pdf.Compact.ShouldContain("吉林医药学院附属医院");
        pdf.Compact.ShouldContain("王助理");
        pdf.Compact.ShouldContain("赵社会");
        pdf.Compact.ShouldContain(idNumber);
        pdf.Compact.ShouldContain("单位委派");
        pdf.Compact.ShouldContain("面向社会");
        pdf.Compact.ShouldContain("TownshipHealthCentre"); // the sponsored registrant's employer (FORM-02 Decision)
        pdf.Compact.ShouldContain("大专");
        pdf.Compact.ShouldNotContain("钱合格");

        var qualified = await PdfAsync(b07, $"/api/enrollment/bases/B07/documents/att4.pdf?year={year}&list=qualified");
        qualified.Compact.ShouldContain("报名资格审核合格人员汇总表");
        qualified.Compact.ShouldContain("钱合格");
        qualified.Compact.ShouldNotContain("王助理");

        foreach (var login in new[] { "t-center", "t-phc" })
        {
            using var staff = await app.SignedInAsync(login);
            (await PdfAsync(staff, $"/api/enrollment/bases/B07/documents/att4.pdf?year={year}")).Compact.ShouldContain("王助理");
        }
        using var b01 = await app.SignedInAsync("t-b01");
        await NoPdfAsync(await b01.GetAsync($"/api/enrollment/bases/B07/documents/att4.pdf?year={year}"), HttpStatusCode.Forbidden, "base.forbidden");
        await NoPdfAsync(await b01.GetAsync($"/api/enrollment/bases/B01/documents/att4.pdf?year={year}"), HttpStatusCode.NotFound, "agp.base_not_offered");
        await NoPdfAsync(await b07.GetAsync($"/api/enrollment/bases/B07/documents/att4.pdf?year={year}&list=all"), HttpStatusCode.BadRequest,
            "document.unknown_list");
        var (_, applicant) = await Applicants.RegisterAsync(app, withPhoto: false);
        await NoPdfAsync(await applicant.GetAsync($"/api/enrollment/bases/B07/documents/att4.pdf?year={year}"), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Att3_is_printed_from_the_keyed_in_registration_for_the_registrant_their_base_and_the_center_only()
    {
        var year = await NewCycleAsync(app);
        var (idNumber, registrant) = await Applicants.RegisterAsync(app, withPhoto: false);
        var id = Guid.NewGuid();
        var form = new AssistantGpForm(Gender.FEMALE, "汉族", "2003-04", "共青团员", "吉林省农安县", "未婚", "健康", "agp@example.cn", "0431-1234567",
            "吉林省农安县合隆镇幸福街1号", "130200", null,
            [new AssistantGpEducation(EducationLevel.JUNIOR_COLLEGE, EducationMode.FULL_TIME, "吉林医药学院", "临床医学", new DateOnly(2021, 9, 1),
                new DateOnly(2024, 6, 30))],
            [new ClinicalExperience("农安县中医院", "二级甲等", "内科", new DateOnly(2024, 7, 1), null, "住院医师", "张主任")],
            "英语 CET-4", Category.SPONSORED, "农安县合隆镇卫生院", true, true, null, false, true, true);
        await using (var session = app.Service<IEnrollmentStore>().LightweightSession())
        {
            session.Events.StartStream<Application>(id, new AssistantGpRegistered(year, "B07", idNumber, "周登记", "13900001111", form, [], "seed",
                new DateTimeOffset(2024, 7, 2, 9, 0, 0, TimeSpan.FromHours(8))));
            await session.SaveChangesAsync();
        }
        var route = $"/api/enrollment/applications/{id}/att3.pdf";

        var pdf = await PdfAsync(registrant, route);
        pdf.Compact.ShouldContain($"吉林省{year}年助理全科医生培训报名登记表");
        foreach (var text in new[] { "周登记", idNumber, "吉林医药学院附属医院", "卫科教发〔2012〕59号", "农安县合隆镇卫生院", "农安县中医院", "二级甲等", "汉族",
                     "英语CET-4", "单位委派", "单位负责人签字", "申请人签字" })
            pdf.Compact.ShouldContain(text.Normalize(System.Text.NormalizationForm.FormKC)); // the reader folds full-width punctuation (NFKC)

        foreach (var login in new[] { "t-b07", "t-center" })
        {
            using var staff = await app.SignedInAsync(login);
            (await PdfAsync(staff, route)).Compact.ShouldContain("周登记");
        }
        using var b01 = await app.SignedInAsync("t-b01");
        await NoPdfAsync(await b01.GetAsync(route), HttpStatusCode.Forbidden, "base.forbidden");
        using var phc = await app.SignedInAsync("t-phc");
        await NoPdfAsync(await phc.GetAsync(route), HttpStatusCode.Forbidden);
        var (_, stranger) = await Applicants.RegisterAsync(app, withPhoto: false);
        await NoPdfAsync(await stranger.GetAsync(route), HttpStatusCode.Forbidden, "document.forbidden");
        var residency = await ExaminedAsync(app, year, "B01", "GP", 80);
        await NoPdfAsync(await b01.GetAsync($"/api/enrollment/applications/{residency}/att3.pdf"), HttpStatusCode.NotFound, "document.not_assistant_gp");
        await NoPdfAsync(await b01.GetAsync($"/api/enrollment/applications/{Guid.NewGuid()}/att3.pdf"), HttpStatusCode.NotFound, "application.not_found");
    }

    /// <summary>An examined candidate the base proposed (the proposal event appended as the proposal slice writes it).</summary>
    private async Task<Guid> ProposedAsync(int year, string baseCode, string specialty, string name, decimal total, bool exemption = false,
        Track track = Track.RESIDENCY, Category category = Category.INDEPENDENT)
    {
        var id = await ExaminedAsync(app, year, baseCode, specialty, total, name: name, exemptionRequested: exemption, track: track, category: category);
        await using var session = app.Service<IEnrollmentStore>().LightweightSession();
        session.Events.Append(id, new ProposalMade(new Proposal($"{year}:{baseCode}:{specialty}", baseCode, specialty, null, exemption ? 24 : 36,
            PsychTest.PASS, HealthCheck.PASS, null, null, null), "seed", new DateTimeOffset(2024, 8, 10, 9, 0, 0, TimeSpan.FromHours(8))));
        await session.SaveChangesAsync();
        return id;
    }
}
