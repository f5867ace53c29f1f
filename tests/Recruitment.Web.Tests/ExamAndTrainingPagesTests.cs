using System.Globalization;
using System.Text.Json;
using static Recruitment.Web.Tests.Steps;

namespace Recruitment.Web.Tests;

/// <summary>
/// The portal pages of issue 17 that came with their routes, in Chromium against the real host with real data: the
/// brochures (one base's and the comparison by specialty) and the notice board from the home page; the exam sessions
/// and the admission ticket with its PDF; the published scores; the open rounds with the preferences form; the
/// rotation plan once approved. Staff steps go through the API; pages are checked at 360 px without sideways scrolling.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ExamAndTrainingPagesTests(BrowserApp app)
{
    [Fact]
    [Trait("Category", "Slow")]
    public async Task Brochures_and_the_notice_board_are_public_and_reached_from_the_home_page()
    {
        // B01 drafts and submits its brochure before 13 June; from 14 June it is public (ENR-04).
        app.Clock.Set(2024, 6, 10, 10);
        using (var b01 = await app.SignedInAsync("t-b01"))
        {
            var draft = await b01.PutAsJsonAsync("/api/enrollment/cycles/2024/bases/B01/brochure/draft", new
            {
                hospitalDescription = "吉林大学第一医院始建于1949年。\n国家级住院医师规范化培训基地。",
                monthlyStipendYuan = 3500,
                benefitsDescription = "五险一金；紧缺专业补助每月500元。",
                housingDescription = "单人间宿舍，免费",
                equalTreatmentDescription = "面向社会招收的培训对象与本单位职工同等对待。",
                contacts = new[] { new { name = "张老师", phone = "0431-88782222" } },
                otherSplit = new object[] { new { specialty = "Internal Medicine", places = 24 }, new { specialty = "Surgery", places = 20 } },
            });
            await draft.ShouldBeSuccessAsync();
            await (await b01.PostAsync("/api/enrollment/cycles/2024/bases/B01/brochure/submission", null)).ShouldBeSuccessAsync();
        }
        app.Clock.Set(2024, 6, 20, 10);
        var title = $"关于2024年住院医师规范化培训招收工作的通知 {Guid.NewGuid().ToString("N")[..4]}";
        using (var center = await app.SignedInAsync("t-center"))
        {
            var posted = await (await center.PostAsJsonAsync("/api/publications/announcements",
                new { title, body = "报名时间：6月20日至6月30日。\n请按时完成网上报名和现场确认。" })).JsonAsync();
            using var form = new ByteArrayContent("%PDF-1.4 blank form"u8.ToArray());
            form.Headers.ContentType = new("application/pdf");
            await (await center.PutAsync($"/api/publications/announcements/{posted.GetProperty("id").GetGuid()}/attachments/附件3-报名表.pdf", form))
                .ShouldBeSuccessAsync();
        }

        await using var tab = await app.OpenAsync(360, 740);
        await tab.SyncClockAsync();
        var page = tab.Page;
        await tab.GoAsync("");
        await page.GetByTestId("home-brochures").ClickAsync();
        await page.WaitForURLAsync("**/brochures");
        var b01Row = page.Locator("[data-testid=brochure-list] li[data-base=B01]");
        await tab.WaitAsync(b01Row.Locator("[data-testid=brochure-state][data-state=PUBLISHED]"));
        (await page.Locator("[data-testid=brochure-list] [data-testid=brochure-state][data-state=PENDING]").CountAsync()).ShouldBeGreaterThan(0,
            "bases that have not submitted say 'pending'");
        await tab.ScreenshotsAsync("brochures");

        await b01Row.GetByRole(AriaRole.Link).ClickAsync();
        await page.WaitForURLAsync("**/brochures/B01");
        await tab.WaitAsync(page.GetByTestId("brochure-plan"));
        (await tab.TextAsync()).ShouldContain("单人间宿舍，免费");
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360);
        await tab.ScreenshotsAsync("brochure");

        // Another base's brochure is not published: the server's "pending" refusal, in Chinese.
        await tab.GoAsync("brochures/B02");
        await tab.WaitAsync(page.Locator("[data-testid=refusal][data-code='brochure.pending']"));

        await tab.GoAsync("brochures");
        await page.SelectAsync("#specialty", "GP");
        var compared = page.Locator("[data-testid=brochure-compare] [data-base=B01]");
        await tab.WaitAsync(compared);
        (await compared.InnerTextAsync()).ShouldContain("3500");
        page.Url.ShouldEndWith("brochures?specialty=GP");
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360);
        await tab.ScreenshotsAsync("brochure-compare");

        await tab.GoAsync("");
        await page.GetByTestId("home-notices").ClickAsync();
        await page.WaitForURLAsync("**/notices");
        var notice = page.GetByTestId("notice").Filter(new() { HasText = title });
        await tab.WaitAsync(notice);
        (await notice.InnerTextAsync()).ShouldContain(Zh["notices.publisher.CENTER"]);
        (await notice.GetByTestId("notice-attachment").InnerTextAsync()).ShouldContain("附件3-报名表.pdf");
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360);
        await tab.ScreenshotsAsync("notices");
        tab.Console.ShouldBeEmpty();
    }

    [Fact]
    [Trait("Category", "Slow")]
    public async Task A_candidate_reads_the_ticket_the_scores_a_round_and_the_approved_rotation_plan()
    {
        // Two applicants of B01 GP, approved (25 June) and confirmed on site (2 July) by the base through the API.
        app.Clock.Set(2024, 6, 20, 10);
        var (first, firstApplication, _) = await AppliedAsync(app, "陈静");
        var (second, secondApplication, _) = await AppliedAsync(app, "林涛");
        app.Clock.Set(2024, 6, 25, 15);
        using (var b01 = await app.SignedInAsync("t-b01"))
            foreach (var id in new[] { firstApplication, secondApplication })
                await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{id}/review", new { decision = "APPROVE", identityVerified = true }))
                    .ShouldBeSuccessAsync();
        app.Clock.Set(2024, 7, 2, 9, 30);
        using (var b01 = await app.SignedInAsync("t-b01"))
            foreach (var id in new[] { firstApplication, secondApplication })
                await ConfirmAsync(b01, id);

        await using var tab = await app.OpenAsync(360, 740);
        await tab.SyncClockAsync();
        var page = tab.Page;
        await tab.SignInAsync(first);
        await tab.GoAsync("me/exams");
        await tab.WaitAsync(page.GetByTestId("refusal"));
        var noTicket = await page.GetByTestId("refusal").GetAttributeAsync("data-code");
        noTicket.ShouldBeOneOf("ticket.no_session", "ticket.not_on_roster");

        // The center publishes the written exam, the base its interviews; now the ticket lists both.
        using (var center = await app.SignedInAsync("t-center"))
            (await center.PostAsJsonAsync("/api/examination/cycles/2024/sessions", new
            {
                track = "RESIDENCY",
                kind = "WRITTEN",
                start = "2024-07-20T09:00:00+08:00",
                end = "2024-07-20T11:30:00+08:00",
                place = "长春市第二实验中学（考点一）",
                notes = "请携带身份证、准考证和2B铅笔",
            })).StatusCode.ShouldBe(HttpStatusCode.Created);
        using (var b01 = await app.SignedInAsync("t-b01"))
            (await b01.PostAsJsonAsync("/api/examination/cycles/2024/sessions", new
            {
                track = "RESIDENCY",
                kind = "INTERVIEW",
                baseCode = "B01",
                start = "2024-08-01T14:00:00+08:00",
                end = "2024-08-01T17:00:00+08:00",
                place = "吉林大学第一医院 教学楼 301",
            })).StatusCode.ShouldBe(HttpStatusCode.Created);
        // The roster reaches Examination by message: reload until the ticket is there; if it never comes, the wait
        // reports what the page showed instead.
        for (var attempt = 0; attempt < 20; attempt++)
        {
            await tab.GoAsync("me/exams");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.Locator("[data-testid=ticket], [data-testid=refusal]").First.WaitForAsync();
            if (await page.GetByTestId("ticket").CountAsync() == 1) break;
            await Task.Delay(1000);
        }
        await tab.WaitAsync(page.GetByTestId("ticket"));
        (await page.GetByTestId("ticket-number").InnerTextAsync()).ShouldStartWith("ZK2024RB01-");
        (await page.GetByTestId("sessions").Locator("li").CountAsync()).ShouldBe(2);
        (await page.GetByTestId("ticket").InnerTextAsync()).ShouldContain("长春市第二实验中学");
        (await page.GetByTestId("ticket").InnerTextAsync()).ShouldNotContain(first, customMessage: "the ticket shows the ID number masked");
        await tab.WaitAsync(page.Locator("img.ticket-photo"));
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360);
        await tab.ScreenshotsAsync("exams-ticket");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("ticket-pdf").ClickAsync());
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync()).ShouldNotBeNull());
        System.Text.Encoding.ASCII.GetString(pdf, 0, 5).ShouldBe("%PDF-");
        PrintedPdf.Read(pdf).Compact.ShouldContain("准考证");

        // Scores: imported by the exam system's job, finalised by the base (25 July), then shown with their components.
        app.Clock.Set(2024, 7, 25, 16);
        using (var job = await app.JobAsync())
        {
            var batch = await job.CompletedAsync(await job.PostAsJsonAsync("/api/examination/score-imports", new
            {
                sourceSystem = "province-exam-system",
                rows = new[]
                {
                    new { cycleYear = 2024, track = "RESIDENCY", baseCode = "B01", idNumber = first, theoryScore = 85.5, skillScore = 80, interviewScore = 90, assessmentResult = "PASS" },
                    new { cycleYear = 2024, track = "RESIDENCY", baseCode = "B01", idNumber = second, theoryScore = 70.0, skillScore = 72, interviewScore = 75, assessmentResult = "PASS" },
                },
            }));
            (batch.GetProperty("accepted").GetInt32() + batch.GetProperty("unchanged").GetInt32()).ShouldBe(2);
        }
        using (var b01 = await app.SignedInAsync("t-b01"))
            await (await b01.PostAsJsonAsync("/api/examination/bases/B01/finalize", new { year = 2024, track = "RESIDENCY" })).ShouldBeSuccessAsync();
        await tab.SyncClockAsync();
        await tab.SignInAsync(first);
        await tab.GoAsync("me/scores");
        await tab.WaitAsync(page.Locator("[data-testid=score][data-published=true]"));
        (await page.GetByTestId("score").InnerTextAsync()).ShouldContain("85.5");
        (await page.GetByTestId("score-total").InnerTextAsync()).ShouldContain(Zh["status.passed"]);
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360);
        await tab.ScreenshotsAsync("scores");

        // The base proposes only the first (12 August); at the lock the second becomes NOT_PROPOSED and the PHC opens a round.
        app.Clock.Set(2024, 8, 12, 10);
        using (var b01 = await app.SignedInAsync("t-b01"))
            await HttpAssertions.EventuallyAsync(async () =>
                (await b01.PostAsJsonAsync($"/api/enrollment/applications/{firstApplication}/proposal", new { psychTest = "PASS" })).IsSuccessStatusCode,
                "the published result in Enrollment, then the proposal");
        app.Clock.Set(2024, 8, 17, 9);
        await app.Service<Wolverine.IMessageBus>().InvokeAsync(new Recruitment.Enrollment.Features.Deadlines.CloseStage(2024, Recruitment.Enrollment.Features.Deadlines.Stage.ProposedAdmission));
        Guid roundId;
        using (var phc = await app.SignedInAsync("t-phc"))
            roundId = (await (await phc.PostAsJsonAsync("/api/enrollment/cycles/2024/rounds", new
            {
                kind = "REALLOCATION",
                opens = "2024-08-17T10:00:00+08:00",
                closes = "2024-08-20T17:00:00+08:00",
            })).JsonAsync()).GetProperty("id").GetGuid();

        app.Clock.Set(2024, 8, 18, 10);
        await tab.SyncClockAsync();
        await tab.SignInAsync(second);
        await tab.GoAsync("me/rounds");
        var round = page.Locator($"[data-testid=round][data-round='{roundId}'][data-open=true]");
        await tab.WaitAsync(round);
        await page.SelectAsync("#pref0-base", "B02");
        await page.SelectAsync("#pref0-specialty", "GP");
        await round.GetByRole(AriaRole.Button, new() { Name = Zh["status.rounds.submit"] }).ClickAsync();
        await tab.WaitAsync(round.GetByTestId("round-preferences-saved"));
        (await round.GetByTestId("round-preferences-saved").Locator("li").CountAsync()).ShouldBe(1);
        using (var me = await app.SignedInAsync(second, Password))
        {
            var stored = (await (await me.GetAsync("/api/enrollment/me/rounds")).JsonAsync()).GetProperty("rounds").EnumerateArray()
                .Single(r => r.GetProperty("id").GetGuid() == roundId).GetProperty("preferences").EnumerateArray().Single();
            stored.GetProperty("baseCode").GetString().ShouldBe("B02");
            stored.GetProperty("specialtyCode").GetString().ShouldBe("GP");
        }
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360);
        await tab.ScreenshotsAsync("rounds");

        // The first is admitted after publicity (22 August); the base plans the rotation and approves it (26 August).
        app.Clock.Set(2024, 8, 19, 9);
        Guid publicityId;
        using (var center = await app.SignedInAsync("t-center"))
            await (await center.PostAsync("/api/enrollment/cycles/2024/center-review", null)).ShouldBeSuccessAsync();
        using (var phc = await app.SignedInAsync("t-phc"))
        {
            await (await phc.PostAsync("/api/enrollment/cycles/2024/recheck", null)).ShouldBeSuccessAsync();
            publicityId = (await (await phc.PostAsync("/api/enrollment/cycles/2024/publicity", null)).JsonAsync()).GetProperty("publicityId").GetGuid();
        }
        app.Clock.Set(2024, 8, 22, 9, 0, 0);
        await app.Service<Wolverine.IMessageBus>().InvokeAsync(new Recruitment.Enrollment.Features.Admission.EndPublicity(publicityId));

        app.Clock.Set(2024, 8, 26, 10);
        await tab.SyncClockAsync();
        await tab.SignInAsync(first);
        // The base drafts the plan: the server answers its blocks to the trainee too, but the page shows only that it
        // awaits approval, never a draft's blocks.
        var plan = $"/api/rotation/trainees/{firstApplication}/plan";
        using (var b01 = await app.SignedInAsync("t-b01"))
        {
            JsonElement template;
            using (var anyone = app.Anonymous())
                template = await (await anyone.GetAsync("/api/rotation/templates/GP")).JsonAsync();
            var start = new DateOnly(2024, 9, 1);
            var blocks = new List<object>();
            foreach (var item in template.GetProperty("items").EnumerateArray())
            {
                var months = item.GetProperty("months").GetInt32();
                blocks.Add(new
                {
                    department = item.GetProperty("department").GetString(),
                    start = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    end = start.AddMonths(months).AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                });
                start = start.AddMonths(months);
            }
            await HttpAssertions.EventuallyAsync(async () => (await b01.PutAsJsonAsync(plan, new { blocks })).IsSuccessStatusCode,
                "the admitted trainee in Rotation, then the draft plan");
        }
        await tab.GoAsync("me/rotation");
        await tab.WaitAsync(page.GetByTestId("rotation-pending"));
        (await page.GetByTestId("rotation-blocks").CountAsync()).ShouldBe(0, "a draft's blocks are not shown");
        using (var b01 = await app.SignedInAsync("t-b01"))
            await (await b01.PostAsync(plan + "/approve", null)).ShouldBeSuccessAsync();
        await tab.GoAsync("me/rotation");
        await tab.WaitAsync(page.GetByTestId("rotation-blocks"));
        (await page.GetByTestId("rotation-blocks").Locator("li").CountAsync()).ShouldBeGreaterThan(1);
        (await page.GetByTestId("rotation-approved").InnerTextAsync()).ShouldContain(Zh["plan.APPROVED"]);
        (await PageWidthAsync(tab)).ShouldBeLessThanOrEqualTo(360);
        await tab.ScreenshotsAsync("rotation");
        tab.Console.ShouldBeEmpty();
    }

    private static async Task ConfirmAsync(HttpClient b01, string applicationId)
    {
        var checklist = await (await b01.GetAsync($"/api/enrollment/applications/{applicationId}/checklist")).JsonAsync();
        var ticks = checklist.GetProperty("items").EnumerateArray()
            .Select(i => new { code = i.GetProperty("code").GetString(), originalSeen = true, copyReceived = true }).ToList();
        await (await b01.PutAsJsonAsync($"/api/enrollment/applications/{applicationId}/checklist", new { items = ticks })).ShouldBeSuccessAsync();
        await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{applicationId}/confirmation", new { exemptionRequested = false })).ShouldBeSuccessAsync();
    }

    private static Task<int> PageWidthAsync(BrowserPage tab) => tab.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
}
