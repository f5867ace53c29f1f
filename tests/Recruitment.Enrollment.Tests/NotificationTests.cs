using System.Text.Json;
using Recruitment.Enrollment.Features.Admission;
using static Recruitment.Enrollment.Tests.Applicants;
using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests;

[CollectionDefinition(Name)]
public sealed class MailingCollection : ICollectionFixture<MailingApp>
{
    public const string Name = "enrollment-mailing";
}

/// <summary>What applicants are told, through the inbox and e-mail (the Notifications module), about their application.</summary>
[Collection(MailingCollection.Name)]
public sealed class NotificationTests(MailingApp app)
{
    private static async Task<JsonElement> InboxAsync(HttpClient client) => await (await client.GetAsync("/api/notifications/me")).JsonAsync();

    private async Task<(Guid Application, HttpClient Client, string IdNumber, string Email)> SubmittedWithEmailAsync()
    {
        var (application, client, idNumber) = await SubmittedAsync(app, Independent("B01"));
        var email = $"{Guid.NewGuid():N}@example.cn";
        (await client.PutAsJsonAsync("/api/auth/me/contact", new { email, mobile = "13912345678" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return (application, client, idNumber, email);
    }

    [Fact]
    public async Task A_rejection_during_registration_reaches_the_inbox_and_the_mail_server_with_its_reason()
    {
        app.Clock.Set(2024, 6, 20);
        var (application, client, idNumber, email) = await SubmittedWithEmailAsync();
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{application}/review",
            new { decision = "REJECT", reason = "学历证书照片不清晰" })).ShouldBeSuccessAsync();

        JsonElement inbox = default;
        await HttpAssertions.EventuallyAsync(async () => (inbox = await InboxAsync(client)).GetProperty("total").GetInt32() > 0, "the rejection in the inbox");
        inbox.GetProperty("unread").GetInt32().ShouldBe(1);
        var notice = inbox.GetProperty("items")[0];
        notice.GetProperty("template").GetString().ShouldBe("application-rejected");
        notice.GetProperty("body").GetString()!.ShouldContain("学历证书照片不清晰");
        notice.GetProperty("bodyEn").GetString()!.ShouldContain("before registration closes");
        notice.GetProperty("link").GetString().ShouldBe(MailingApp.PublicBaseUrl + "me/status", "absolute: it is followed from e-mails too");
        notice.GetRawText().ShouldNotContain(idNumber);

        await HttpAssertions.EventuallyAsync(() => Task.FromResult(app.Smtp.To(email).Count > 0), "the rejection e-mail");
        var mail = app.Smtp.To(email)[0];
        mail.TextBody!.ShouldContain("学历证书照片不清晰");
        mail.TextBody!.ShouldNotContain(idNumber);

        (await client.PostAsync($"/api/notifications/me/{notice.GetProperty("id").GetGuid()}/read", null)).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await (await client.GetAsync("/api/notifications/me/unread-count")).JsonAsync()).GetProperty("unread").GetInt32().ShouldBe(0);
    }

    [Fact]
    public async Task Nobody_reads_or_marks_another_users_notification()
    {
        app.Clock.Set(2024, 6, 20);
        var (application, client, _, _) = await SubmittedWithEmailAsync();
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{application}/review",
            new { decision = "APPROVE", identityVerified = true })).ShouldBeSuccessAsync();
        JsonElement inbox = default;
        await HttpAssertions.EventuallyAsync(async () => (inbox = await InboxAsync(client)).GetProperty("total").GetInt32() > 0, "the approval");
        var id = inbox.GetProperty("items")[0].GetProperty("id").GetGuid();

        var (_, other) = await RegisterAsync(app, withPhoto: false);
        (await InboxAsync(other)).GetProperty("total").GetInt32().ShouldBe(0);
        await (await other.PostAsync($"/api/notifications/me/{id}/read", null)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "notification.not_found");
        (await InboxAsync(client)).GetProperty("unread").GetInt32().ShouldBe(1);
    }

    [Fact]
    public async Task A_mail_server_that_is_down_never_fails_the_request_and_the_mail_ends_as_a_visible_dead_letter()
    {
        app.Clock.Set(2024, 6, 20);
        var (application, client, _, email) = await SubmittedWithEmailAsync();
        using var op = await app.SignedInAsync("t-operator");
        static long DeadLetters(JsonElement health) => health.GetProperty("modules").EnumerateArray()
            .Single(m => m.GetProperty("module").GetString() == "Notifications").GetProperty("messages").GetProperty("deadLetters").GetInt64();
        var before = DeadLetters(await (await op.GetAsync("/api/admin/health")).JsonAsync());

        await app.Smtp.StopAsync();
        try
        {
            using var b01 = await app.SignedInAsync("t-b01");
            await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{application}/review",
                new { decision = "REJECT", reason = "照片不合格" })).ShouldBeSuccessAsync();
            // The inbox does not wait for the mail.
            await HttpAssertions.EventuallyAsync(async () => (await InboxAsync(client)).GetProperty("total").GetInt32() > 0, "the inbox entry");
            await HttpAssertions.EventuallyAsync(async () =>
                DeadLetters(await (await op.GetAsync("/api/admin/health")).JsonAsync()) > before, "the undeliverable mail as a dead letter", 60);
            app.Smtp.To(email).ShouldBeEmpty();
        }
        finally
        {
            app.Smtp.Resume();
        }
    }

    private async Task<(string IdNumber, Guid AccountId, string Email)> ApplicantWithEmailAsync()
    {
        var (idNumber, client) = await RegisterAsync(app, withPhoto: true);
        using (client)
        {
            var email = $"{Guid.NewGuid():N}@example.cn";
            (await client.PutAsJsonAsync("/api/auth/me/contact", new { email, mobile = "13912345678" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var me = await (await client.GetAsync("/api/auth/whoami")).JsonAsync();
            return (idNumber, Guid.Parse(me.GetProperty("subject").GetString()!), email);
        }
    }

    /// <summary>The applicant's notifications of one template, read with a fresh sign-in (the test clock jumps days ahead).</summary>
    private async Task<IReadOnlyList<JsonElement>> WithTemplateAsync(string idNumber, string template)
    {
        using var client = await app.SignedInAsync(idNumber, Password);
        return (await InboxAsync(client)).GetProperty("items").EnumerateArray().Where(n => n.GetProperty("template").GetString() == template).ToList();
    }

    private List<MimeKit.MimeMessage> AdmissionMails(string email) =>
        app.Smtp.To(email).Where(m => m.Subject?.Contains("录取结果", StringComparison.Ordinal) == true).ToList();

    [Fact]
    public async Task Admission_is_told_only_when_publicity_ends_with_an_absolute_link_ENR_59()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var (idNumber, accountId, email) = await ApplicantWithEmailAsync();
        var application = await ExaminedAsync(app, year, "B01", "OBG", 82, applicantId: accountId, name: "林晓");
        using (var b01 = await app.SignedInAsync("t-b01"))
            await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{application}/proposal", new { })).ShouldBeSuccessAsync();
        app.Clock.Set(2024, 8, 18, 9);
        using (var center = await app.SignedInAsync("t-center"))
            await (await center.PostAsync($"/api/enrollment/cycles/{year}/center-review", null)).ShouldBeSuccessAsync();
        Guid publicityId;
        using (var phc = await app.SignedInAsync("t-phc"))
        {
            await (await phc.PostAsync($"/api/enrollment/cycles/{year}/recheck", null)).ShouldBeSuccessAsync();
            publicityId = (await (await phc.PostAsync($"/api/enrollment/cycles/{year}/publicity", null)).JsonAsync()).GetProperty("publicityId").GetGuid();
        }

        // One second before the end nothing is decided, and nobody is told anything about admission.
        app.Clock.Set(2024, 8, 21, 8, 59, 59);
        await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(publicityId));
        app.Clock.Set(2024, 8, 21, 9, 0, 0);
        (await WithTemplateAsync(idNumber, "admitted")).ShouldBeEmpty("no admission notification before publicity ends");
        AdmissionMails(email).ShouldBeEmpty("the publicity e-mail is the only one so far");

        await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(publicityId));
        IReadOnlyList<JsonElement> admitted = [];
        await HttpAssertions.EventuallyAsync(async () => (admitted = await WithTemplateAsync(idNumber, "admitted")).Count > 0, "the admission notification");
        admitted.Count.ShouldBe(1);
        admitted[0].GetProperty("body").GetString()!.ShouldContain("林晓");
        admitted[0].GetProperty("link").GetString().ShouldBe(MailingApp.PublicBaseUrl + "me/status");
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(AdmissionMails(email).Count > 0), "the admission e-mail");
        AdmissionMails(email)[0].TextBody!.ShouldContain(MailingApp.PublicBaseUrl + "me/status");

        // A redelivered end of publicity tells nobody twice.
        await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(publicityId));
        (await WithTemplateAsync(idNumber, "admitted")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Exam_results_published_by_the_base_reach_the_candidate_by_inbox_and_mail()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var year = await NewCycleAsync(app);
        var (idNumber, _, email) = await ApplicantWithEmailAsync();
        Guid application;
        using (var client = await app.SignedInAsync(idNumber, Password))
        {
            (await client.PutProfileAsync(Profile())).StatusCode.ShouldBe(HttpStatusCode.OK);
            application = (await (await client.ApplyAsync(Independent("B01"), year)).JsonAsync()).GetProperty("applicationId").GetGuid();
        }
        app.Clock.Set(2024, 6, 25, 15);
        using (var reviewer = await app.SignedInAsync("t-b01"))
            await (await reviewer.PostAsJsonAsync($"/api/enrollment/applications/{application}/review", new { decision = "APPROVE", identityVerified = true }))
                .ShouldBeSuccessAsync();
        app.Clock.Set(2024, 7, 2, 9, 30);
        using (var b01 = await app.SignedInAsync("t-b01"))
        {
            var checklist = await (await b01.GetAsync($"/api/enrollment/applications/{application}/checklist")).JsonAsync();
            var ticks = checklist.GetProperty("items").EnumerateArray()
                .Select(i => new { code = i.GetProperty("code").GetString(), originalSeen = true, copyReceived = true }).ToList();
            await (await b01.PutAsJsonAsync($"/api/enrollment/applications/{application}/checklist", new { items = ticks })).ShouldBeSuccessAsync();
            await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{application}/confirmation", new { exemptionRequested = false }))
                .ShouldBeSuccessAsync();
        }

        app.Clock.Set(2024, 7, 25, 16);
        using (var job = await app.JobAsync())
            await HttpAssertions.EventuallyAsync(async () =>
            {
                var batch = await job.CompletedAsync(await job.PostAsJsonAsync("/api/examination/score-imports", new
                {
                    sourceSystem = "province-exam-system",
                    rows = new[]
                    {
                        new { cycleYear = year, track = "RESIDENCY", baseCode = "B01", idNumber, theoryScore = 80, skillScore = 75, interviewScore = 85,
                            assessmentResult = "PASS" },
                    },
                }));
                return batch.GetProperty("accepted").GetInt32() + batch.GetProperty("unchanged").GetInt32() == 1;
            }, "the confirmed candidate on the roster and imported");
        (await WithTemplateAsync(idNumber, "results-published")).ShouldBeEmpty("an import is not a publication");

        using (var b01 = await app.SignedInAsync("t-b01"))
            await (await b01.PostAsJsonAsync("/api/examination/bases/B01/finalize", new { year, track = "RESIDENCY" })).ShouldBeSuccessAsync();
        IReadOnlyList<JsonElement> told = [];
        await HttpAssertions.EventuallyAsync(async () => (told = await WithTemplateAsync(idNumber, "results-published")).Count > 0,
            "the results notification");
        told[0].GetProperty("body").GetString()!.ShouldContain(year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        told[0].GetProperty("link").GetString().ShouldBe(MailingApp.PublicBaseUrl + "me/status");
        told[0].GetRawText().ShouldNotContain(idNumber);
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(app.Smtp.To(email)
            .Any(m => m.Subject?.Contains("考试成绩已发布", StringComparison.Ordinal) == true)), "the results e-mail");
    }
}
