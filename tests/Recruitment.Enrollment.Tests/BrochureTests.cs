using System.Text.Json;

namespace Recruitment.Enrollment.Tests;

/// <summary>
/// ENR-04, ENR-05: a base drafts its brochure, submits it to the center by brochure.submitDeadline (06-13 23:59:59),
/// cannot change it afterwards, and applicants read and compare it from brochure.visibleFrom (06-14). Each test runs
/// on a cycle of its own (a copy of 2024 under a fresh year, same dates), so brochures never meet.
/// </summary>
[Collection(EnrollmentCollection.Name)]
public sealed class BrochureTests(RecruitmentApp app)
{
    private static object Draft(int stipend = 3500, string housing = "单人间宿舍，免费", object[]? split = null) => new
    {
        hospitalDescription = "吉林大学第一医院始建于1949年。\n国家级住院医师规范化培训基地。",
        monthlyStipendYuan = stipend,
        benefitsDescription = "五险一金；紧缺专业补助每月500元；取得执业医师资格证书后补助每月300元。",
        housingDescription = housing,
        equalTreatmentDescription = "面向社会招收的培训对象与本单位职工同等对待，落实“两个同等对待”政策。",
        contacts = new[] { new { name = "张老师", phone = "0431-88782222" } },
        otherSplit = split ?? new object[] { new { specialty = "Internal Medicine", places = 24 }, new { specialty = "Surgery", places = 20 } },
    };

    private static string Route(int year, string baseCode, string tail = "") => $"/api/enrollment/cycles/{year}/bases/{baseCode}/brochure{tail}";

    [Fact]
    public async Task A_base_drafts_submits_and_its_brochure_is_hidden_before_visibleFrom_then_published_and_compared_ENR_04_ENR_05()
    {
        var year = await Cohorts.NewCycleAsync(app);
        using var anonymous = app.Anonymous();
        app.Clock.Set(2024, 6, 10); // tokens are issued and checked on the host's clock: sign in after moving it
        using var b01 = await app.SignedInAsync("t-b01");

        // A partial draft is kept and says what a submission still needs; the plan is B01's quota row (ENR-05).
        await (await b01.PutAsJsonAsync(Route(year, "B01", "/draft"), new { monthlyStipendYuan = 3500 })).ShouldBeSuccessAsync();
        var partial = await (await b01.GetAsync(Route(year, "B01", "/draft"))).JsonAsync();
        partial.GetProperty("state").GetString().ShouldBe("DRAFT");
        partial.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ShouldBe(
            ["benefitsDescription", "housingDescription", "equalTreatmentDescription", "otherSplit"]);
        var plan = partial.GetProperty("plan").EnumerateArray().ToDictionary(p => p.GetProperty("specialtyCode").GetString()!, p => p.GetProperty("places").GetInt32());
        plan["GP"].ShouldBe(30);
        plan["OTHER"].ShouldBe(44);
        plan.Values.Sum().ShouldBe(90);
        await (await b01.PostAsync(Route(year, "B01", "/submission"), null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "brochure.incomplete");

        await (await b01.PutAsJsonAsync(Route(year, "B01", "/draft"), Draft())).ShouldBeSuccessAsync();
        (await (await b01.GetAsync(Route(year, "B01", "/draft"))).JsonAsync()).GetProperty("missing").GetArrayLength().ShouldBe(0);
        await (await anonymous.GetAsync(Route(year, "B01"))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "brochure.pending");

        var submitted = await (await b01.PostAsync(Route(year, "B01", "/submission"), null)).JsonAsync();
        submitted.GetProperty("state").GetString().ShouldBe("SUBMITTED");
        submitted.GetProperty("otherSplitLocked").GetBoolean().ShouldBeTrue();
        // The submission published the OTHER split (ENR-06).
        (await (await anonymous.GetAsync($"/api/enrollment/cycles/{year}/bases/B01/other-split")).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(2);

        // Submitted on 06-10, still hidden on 06-13 23:59: not before visibleFrom.
        app.Clock.Set(2024, 6, 13, 23, 59, 59);
        await (await anonymous.GetAsync(Route(year, "B01"))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "brochure.pending");
        var before = await (await anonymous.GetAsync($"/api/enrollment/cycles/{year}/brochures")).JsonAsync();
        before.EnumerateArray().ShouldAllBe(b => b.GetProperty("state").GetString() == "PENDING");
        using var b01Later = await app.SignedInAsync("t-b01");
        (await (await b01Later.GetAsync(Route(year, "B01", "/draft"))).JsonAsync()).GetProperty("state").GetString().ShouldBe("SUBMITTED");

        app.Clock.Set(2024, 6, 14, 0, 0, 0);
        var published = await (await anonymous.GetAsync(Route(year, "B01"))).JsonAsync();
        published.GetProperty("state").GetString().ShouldBe("PUBLISHED");
        published.GetProperty("monthlyStipendYuan").GetInt32().ShouldBe(3500);
        published.GetProperty("equalTreatmentDescription").GetString()!.ShouldContain("两个同等对待");
        published.GetProperty("contacts")[0].GetProperty("phone").GetString().ShouldBe("0431-88782222");

        var list = (await (await anonymous.GetAsync($"/api/enrollment/cycles/{year}/brochures")).JsonAsync()).EnumerateArray()
            .ToDictionary(b => b.GetProperty("baseCode").GetString()!, b => b.GetProperty("state").GetString());
        list.Count.ShouldBe(12);
        list["B01"].ShouldBe("PUBLISHED");
        list["B02"].ShouldBe("PENDING");

        // GP side by side: every base with GP places (ten of them), B01 with its brochure, the others pending.
        var compare = await (await anonymous.GetAsync($"/api/enrollment/cycles/{year}/brochures/compare?specialty=gp")).JsonAsync();
        compare.GetProperty("specialty").GetString().ShouldBe("GP");
        var rows = compare.GetProperty("bases").EnumerateArray().ToDictionary(b => b.GetProperty("baseCode").GetString()!);
        rows.Count.ShouldBe(10);
        rows.ShouldNotContainKey("B04");
        rows["B01"].GetProperty("places").GetInt32().ShouldBe(30);
        rows["B01"].GetProperty("monthlyStipendYuan").GetInt32().ShouldBe(3500);
        rows["B01"].GetProperty("housingDescription").GetString().ShouldBe("单人间宿舍，免费");
        rows["B02"].GetProperty("state").GetString().ShouldBe("PENDING");
        rows["B02"].GetProperty("places").GetInt32().ShouldBe(25);
        rows["B02"].GetProperty("monthlyStipendYuan").ValueKind.ShouldBe(JsonValueKind.Null);

        // A specialty base inside OTHER cells compares by the published splits.
        var surgery = await (await anonymous.GetAsync($"/api/enrollment/cycles/{year}/brochures/compare?specialty=Surgery")).JsonAsync();
        surgery.GetProperty("bases").EnumerateArray().Single().GetProperty("places").GetInt32().ShouldBe(20);
        await (await anonymous.GetAsync($"/api/enrollment/cycles/{year}/brochures/compare?specialty=Dermatology"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "brochure.specialty_not_offered");
        await (await anonymous.GetAsync($"/api/enrollment/cycles/{year}/brochures/compare"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "brochure.specialty_required");
    }

    [Fact]
    public async Task After_submission_an_edit_is_refused_with_409_and_changes_nothing_ENR_04()
    {
        var year = await Cohorts.NewCycleAsync(app);
        app.Clock.Set(2024, 6, 12);
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PutAsJsonAsync(Route(year, "B01", "/draft"), Draft())).ShouldBeSuccessAsync();
        await (await b01.PostAsync(Route(year, "B01", "/submission"), null)).ShouldBeSuccessAsync();
        var before = (await (await b01.GetAsync(Route(year, "B01", "/draft"))).JsonAsync()).GetRawText();

        await (await b01.PutAsJsonAsync(Route(year, "B01", "/draft"), Draft(stipend: 9000, housing: "不提供")))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "brochure.submitted");
        await (await b01.PostAsync(Route(year, "B01", "/submission"), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "brochure.submitted");
        await (await b01.PutAsJsonAsync($"/api/enrollment/cycles/{year}/bases/B01/other-split", new { items = new[] { new { specialty = "Surgery", places = 44 } } }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "brochure.other_split_locked");

        (await (await b01.GetAsync(Route(year, "B01", "/draft"))).JsonAsync()).GetRawText().ShouldBe(before);
        app.Clock.Set(2024, 6, 20);
        using var anonymous = app.Anonymous();
        var published = await (await anonymous.GetAsync(Route(year, "B01"))).JsonAsync();
        published.GetProperty("monthlyStipendYuan").GetInt32().ShouldBe(3500);
        published.GetProperty("otherSplit").EnumerateArray().Select(s => s.GetProperty("places").GetInt32()).ShouldBe([24, 20]);
    }

    [Fact]
    public async Task Another_bases_admin_cannot_draft_submit_or_read_the_draft_and_a_wrong_split_is_refused()
    {
        var year = await Cohorts.NewCycleAsync(app);
        app.Clock.Set(2024, 6, 10);
        using var b01 = await app.SignedInAsync("t-b01");
        using var b02 = await app.SignedInAsync("t-b02");
        using var center = await app.SignedInAsync("t-center");
        await (await b01.PutAsJsonAsync(Route(year, "B01", "/draft"), Draft())).ShouldBeSuccessAsync();

        await (await b02.PutAsJsonAsync(Route(year, "B01", "/draft"), Draft(stipend: 1))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        await (await b02.PostAsync(Route(year, "B01", "/submission"), null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        await (await b02.GetAsync(Route(year, "B01", "/draft"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        // The center reads every base's draft; it does not write one.
        (await (await center.GetAsync(Route(year, "B01", "/draft"))).JsonAsync()).GetProperty("monthlyStipendYuan").GetInt32().ShouldBe(3500);
        (await center.PutAsJsonAsync(Route(year, "B01", "/draft"), Draft())).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // B01's OTHER cell holds 44 places: a split summing to 43 is refused and the stored draft keeps its split.
        await (await b01.PutAsJsonAsync(Route(year, "B01", "/draft"), Draft(split: [new { specialty = "Surgery", places = 43 }])))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "brochure.other_split_mismatch");
        await (await b01.PutAsJsonAsync(Route(year, "B01", "/draft"), new { contacts = new[] { new { name = "张老师", phone = "call me" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "brochure.invalid_contacts");
        await (await b01.PutAsJsonAsync(Route(year, "B01", "/draft"), new { monthlyStipendYuan = -1 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "brochure.invalid_stipend");
        // Text longer than its field allows is the host's input policy: 1,000 characters of housing.
        await (await b01.PutAsJsonAsync(Route(year, "B01", "/draft"), new { housingDescription = new string('宿', 1001) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_text");
        var draft = await (await b01.GetAsync(Route(year, "B01", "/draft"))).JsonAsync();
        draft.GetProperty("otherSplit").GetArrayLength().ShouldBe(2);
        draft.GetProperty("housingDescription").GetString().ShouldBe("单人间宿舍，免费");

        await (await b01.GetAsync(Route(year, "B99", "/draft"))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        await (await center.GetAsync(Route(year, "B99", "/draft"))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "base.not_found");
        await (await center.GetAsync(Route(year, "B02", "/draft"))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "brochure.no_draft");
    }

    [Fact]
    public async Task A_submission_after_the_brochure_deadline_is_refused_and_the_brochure_stays_pending_ENR_04()
    {
        var year = await Cohorts.NewCycleAsync(app);
        app.Clock.Set(2024, 6, 13, 23, 50, 0);
        using var b02 = await app.SignedInAsync("t-b02");
        using var b03 = await app.SignedInAsync("t-b03");
        await (await b02.PutAsJsonAsync(Route(year, "B02", "/draft"), Draft(split: [new { specialty = "Surgery", places = 29 }]))).ShouldBeSuccessAsync();
        await (await b03.PutAsJsonAsync(Route(year, "B03", "/draft"), Draft(split: [new { specialty = "Surgery", places = 51 }]))).ShouldBeSuccessAsync();

        // 06-13 23:59:59 is still in time (DATE-CONV); the next second is not.
        app.Clock.Set(2024, 6, 13, 23, 59, 59);
        await (await b02.PostAsync(Route(year, "B02", "/submission"), null)).ShouldBeSuccessAsync();
        app.Clock.Set(2024, 6, 14, 0, 0, 0);
        await (await b03.PostAsync(Route(year, "B03", "/submission"), null)).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "brochure.deadline_passed");
        await (await b03.PutAsJsonAsync(Route(year, "B03", "/draft"), Draft(split: [new { specialty = "Surgery", places = 51 }])))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "brochure.deadline_passed");

        (await (await b03.GetAsync(Route(year, "B03", "/draft"))).JsonAsync()).GetProperty("state").GetString().ShouldBe("DRAFT");
        using var anonymous = app.Anonymous();
        await (await anonymous.GetAsync(Route(year, "B03"))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "brochure.pending");
        await (await anonymous.GetAsync($"/api/enrollment/cycles/{year}/bases/B03/other-split"))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "brochure.other_split_pending");
        var rows = await (await anonymous.GetAsync($"/api/enrollment/cycles/{year}/brochures/compare?specialty=GP")).JsonAsync();
        var states = rows.GetProperty("bases").EnumerateArray().ToDictionary(b => b.GetProperty("baseCode").GetString()!, b => b.GetProperty("state").GetString());
        states["B03"].ShouldBe("PENDING");
        states["B02"].ShouldBe("PUBLISHED");
    }
}
