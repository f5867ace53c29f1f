using Recruitment.Enrollment.Features.Admission;
using Recruitment.TrainingExemption.Contracts;
using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests;

/// <summary>
/// ENR-47 with EXM-09: the base proposes reduced months while the exemption is undecided (proposals by 08-16, decisions
/// by 08-31); the latest determination then wins everywhere: the proposal's base view, FORM-04, the notice,
/// /me/admission and Rotation. A REJECTED decision means the standard 36 months, whenever it arrives.
/// </summary>
[Collection(EnrollmentCollection.Name)]
public sealed class TrainingMonthsTests(RecruitmentApp app)
{
    private async Task<(Guid Id, string IdNumber)> RequesterAsync(int year, decimal total, string name)
    {
        var (idNumber, client) = await Applicants.RegisterAsync(app, withPhoto: false);
        var me = await (await client.GetAsync("/api/auth/whoami")).JsonAsync();
        client.Dispose();
        var id = await ExaminedAsync(app, year, "B01", "GP", total, applicantId: Guid.Parse(me.GetProperty("subject").GetString()!),
            exemptionRequested: true, name: name);
        return (id, idNumber);
    }

    private async Task RejectAsync(int year, Guid id)
    {
        await app.Service<IMessageBus>().PublishAsync(new ExemptionDecided(id, year, false, 36, [], "expert panel: not enough clinical practice", 1,
            app.Clock.GetUtcNow()));
        await HttpAssertions.EventuallyAsync(async () => (await LoadAsync(app, id)).Exemption is not null, $"Enrollment to record the decision on {id}");
    }

    [Fact]
    public async Task A_rejection_after_the_proposal_after_publicity_and_after_the_notice_leaves_the_standard_months_everywhere_ENR_47_EXM_09()
    {
        app.Clock.Set(2024, 8, 10, 9);
        var year = await NewCycleAsync(app);
        var (afterProposal, _) = await RequesterAsync(year, 90, "甲提议后");
        var (inPublicity, inPublicityIdNumber) = await RequesterAsync(year, 85, "乙公示中");
        var (afterNotice, afterNoticeIdNumber) = await RequesterAsync(year, 80, "丙通知后");
        using var b01 = await app.SignedInAsync("t-b01");
        foreach (var id in new[] { afterProposal, inPublicity, afterNotice })
            (await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/proposal", new { trainingMonths = 24, psychTest = "PASS", healthCheck = "PASS" }))
                .JsonAsync()).GetProperty("trainingMonths").GetInt32().ShouldBe(24, "undecided: the base's reduced months stand for now");

        // 1. The decision arrives after the proposal: the base sees the mismatch, FORM-04 says 36.
        await RejectAsync(year, afterProposal);
        var detail = await (await b01.GetAsync($"/api/enrollment/applications/{afterProposal}")).JsonAsync();
        detail.GetProperty("application").GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ShouldContain(Application.TrainingMonthsChangedFlag);
        (await Form04MonthsAsync(b01, year, "甲提议后")).ShouldBe("36");
        (await Form04MonthsAsync(b01, year, "乙公示中")).ShouldBe("24");

        // 2. The decision arrives during publicity.
        app.Clock.Set(2024, 8, 18, 9);
        using var center = await app.SignedInAsync("t-center");
        using var phc = await app.SignedInAsync("t-phc");
        await (await center.PostAsync($"/api/enrollment/cycles/{year}/center-review", null)).ShouldBeSuccessAsync();
        await (await phc.PostAsync($"/api/enrollment/cycles/{year}/recheck", null)).ShouldBeSuccessAsync();
        var publicityId = (await (await phc.PostAsync($"/api/enrollment/cycles/{year}/publicity", null)).JsonAsync()).GetProperty("publicityId").GetGuid();
        await RejectAsync(year, inPublicity);

        app.Clock.Set(2024, 8, 21, 10);
        await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(publicityId));
        using (var applicant = await app.SignedInAsync(inPublicityIdNumber, Applicants.Password))
        {
            (await (await applicant.GetAsync($"/api/enrollment/me/admission?year={year}")).JsonAsync()).GetProperty("trainingMonths").GetInt32().ShouldBe(36);
            (await (await applicant.GetAsync($"/api/enrollment/applications/{inPublicity}/notice")).Content.ReadAsStringAsync()).ShouldContain("培训年限 36 个月");
        }

        // 3. The decision arrives after the notice: it is reissued (new number, 36 months) and the base sees the flag and the timeline.
        string firstNotice;
        using (var applicant = await app.SignedInAsync(afterNoticeIdNumber, Applicants.Password))
        {
            (await (await applicant.GetAsync($"/api/enrollment/me/admission?year={year}")).JsonAsync()).GetProperty("trainingMonths").GetInt32().ShouldBe(24);
            firstNotice = await (await applicant.GetAsync($"/api/enrollment/applications/{afterNotice}/notice")).Content.ReadAsStringAsync();
            firstNotice.ShouldContain("培训年限 24 个月");
        }
        await RejectAsync(year, afterNotice);
        using (var applicant = await app.SignedInAsync(afterNoticeIdNumber, Applicants.Password))
        {
            (await (await applicant.GetAsync($"/api/enrollment/me/admission?year={year}")).JsonAsync()).GetProperty("trainingMonths").GetInt32().ShouldBe(36);
            var reissued = await (await applicant.GetAsync($"/api/enrollment/applications/{afterNotice}/notice")).Content.ReadAsStringAsync();
            reissued.ShouldContain("培训年限 36 个月");
            reissued.ShouldContain("-R1</p>", customMessage: "the reissued notice carries its revision in its number");
        }
        using var base01 = await app.SignedInAsync("t-b01"); // a fresh sign-in: the clock moved past the first token's life
        var timeline = (await (await base01.GetAsync($"/api/enrollment/applications/{afterNotice}")).JsonAsync()).GetProperty("application");
        timeline.GetProperty("flags").EnumerateArray().Select(f => f.GetString()).ShouldContain(Application.TrainingMonthsChangedFlag);
        timeline.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ShouldContain("admission-notice-reissued");
        foreach (var name in new[] { "甲提议后", "乙公示中", "丙通知后" }) (await Form04MonthsAsync(base01, year, name)).ShouldBe("36");

        // Rotation plans from the same months (TraineeAdmitted carries them; a later one replaces the earlier).
        await HttpAssertions.EventuallyAsync(async () =>
        {
            var trainees = await (await base01.GetAsync($"/api/rotation/bases/B01/trainees?year={year}")).JsonAsync();
            var rows = trainees.GetProperty("items").EnumerateArray().ToList();
            return rows.Count == 3 && rows.All(t => t.GetProperty("trainingMonths").GetInt32() == 36);
        }, "Rotation to plan all three trainees for 36 months");

        // The same decision delivered again changes nothing: no second reissue.
        await app.Service<IMessageBus>().PublishAsync(new ExemptionDecided(afterNotice, year, false, 36, [], "again", 1, app.Clock.GetUtcNow()));
        (await LoadAsync(app, afterNotice)).NoticeRevision.ShouldBe(1);
    }

    private static async Task<string?> Form04MonthsAsync(HttpClient client, int year, string name)
    {
        var csv = (await (await client.GetAsync($"/api/enrollment/bases/B01/exports/residency-proposed?year={year}&format=csv")).Content.ReadAsStringAsync())
            .TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = csv[0].Split(',').ToList();
        return csv.Skip(1).Select(l => l.Split(',')).SingleOrDefault(r => r[header.IndexOf("name")] == name)?[header.IndexOf("trainingMonths")];
    }
}
