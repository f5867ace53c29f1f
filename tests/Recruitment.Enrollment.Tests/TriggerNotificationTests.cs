using System.Text.Json;
using Npgsql;
using Recruitment.Enrollment.Features.Admission;
using Recruitment.Notifications.Features;
using static Recruitment.Enrollment.Tests.Applicants;
using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests;

/// <summary>
/// The notification triggers of docs/notifications.md, each through HTTP against PostgreSQL with mail to a real SMTP server:
/// the inbox entry (and the e-mail where the template's channels say so), no ID number in the text, and nothing sent by a
/// refused command.
/// </summary>
[Collection(MailingCollection.Name)]
public sealed class TriggerNotificationTests(MailingApp app)
{
    private sealed record Person(string IdNumber, Guid AccountId, string Email);

    private async Task<Person> ApplicantWithEmailAsync()
    {
        var (idNumber, client) = await RegisterAsync(app, withPhoto: true);
        using (client)
        {
            var email = $"{Guid.NewGuid():N}@example.cn";
            (await client.PutAsJsonAsync("/api/auth/me/contact", new { email, mobile = "13912345678" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var me = await (await client.GetAsync("/api/auth/whoami")).JsonAsync();
            return new Person(idNumber, Guid.Parse(me.GetProperty("subject").GetString()!), email);
        }
    }

    private static async Task<IReadOnlyList<JsonElement>> InboxAsync(HttpClient client, string template) =>
        (await (await client.GetAsync("/api/notifications/me?pageSize=100")).JsonAsync()).GetProperty("items").EnumerateArray()
        .Where(n => n.GetProperty("template").GetString() == template).ToList();

    /// <summary>A person's notifications of one template, read with a fresh sign-in (the test clock jumps days ahead).</summary>
    private async Task<IReadOnlyList<JsonElement>> InboxAsync(string login, string template, string password = Password)
    {
        using var client = await app.SignedInAsync(login, password);
        return await InboxAsync(client, template);
    }

    private async Task<IReadOnlyList<JsonElement>> EventuallyInAsync(string login, string template, string what, string password = Password)
    {
        IReadOnlyList<JsonElement> found = [];
        await HttpAssertions.EventuallyAsync(async () => (found = await InboxAsync(login, template, password)).Count > 0, what);
        return found;
    }

    private async Task<MimeKit.MimeMessage> EventuallyMailedAsync(string email, string subject, string what)
    {
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(Mails(email, subject).Count > 0), what);
        return Mails(email, subject)[0];
    }

    private List<MimeKit.MimeMessage> Mails(string email, string subject) =>
        app.Smtp.To(email).Where(m => m.Subject?.Contains(subject, StringComparison.Ordinal) == true).ToList();

    /// <summary>An examined candidate of a fresh cycle, proposed, reviewed, re-checked and publicised on 2024-08-18.</summary>
    private async Task<(int Year, Guid Publicity, Guid Application, Person Person)> PublicisedAsync(string name)
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var person = await ApplicantWithEmailAsync();
        var application = await ExaminedAsync(app, year, "B01", "OBG", 82, applicantId: person.AccountId, name: name);
        using (var b01 = await app.SignedInAsync("t-b01"))
            await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{application}/proposal", new { })).ShouldBeSuccessAsync();
        app.Clock.Set(2024, 8, 18, 9);
        using (var center = await app.SignedInAsync("t-center"))
            await (await center.PostAsync($"/api/enrollment/cycles/{year}/center-review", null)).ShouldBeSuccessAsync();
        using var phc = await app.SignedInAsync("t-phc");
        await (await phc.PostAsync($"/api/enrollment/cycles/{year}/recheck", null)).ShouldBeSuccessAsync();
        var publicity = (await (await phc.PostAsync($"/api/enrollment/cycles/{year}/publicity", null)).JsonAsync()).GetProperty("publicityId").GetGuid();
        return (year, publicity, application, person);
    }

    private async Task<(Guid Application, Person Person)> AdmittedAsync(string name)
    {
        var (_, publicity, application, person) = await PublicisedAsync(name);
        app.Clock.Set(2024, 8, 21, 9);
        await app.Service<IMessageBus>().InvokeAsync(new EndPublicity(publicity));
        await EventuallyInAsync(person.IdNumber, "admitted", "the admission");
        return (application, person);
    }

    [Fact]
    public async Task A_candidate_is_told_when_the_list_of_proposed_admissions_is_publicised()
    {
        var (year, _, _, person) = await PublicisedAsync("韩梅");
        var told = await EventuallyInAsync(person.IdNumber, "in-publicity", "the publicity notification");
        told[0].GetProperty("body").GetString()!.ShouldContain("韩梅");
        told[0].GetProperty("body").GetString()!.ShouldContain("2024-08-21 09:00");
        told[0].GetProperty("link").GetString().ShouldBe(MailingApp.PublicBaseUrl + "publicity");
        told[0].GetRawText().ShouldNotContain(person.IdNumber);
        (await EventuallyMailedAsync(person.Email, "拟录取公示", "the publicity e-mail")).TextBody!.ShouldNotContain(person.IdNumber);

        // Publishing again is refused (nothing re-checked is waiting) and tells nobody anything.
        using (var phc = await app.SignedInAsync("t-phc"))
            await (await phc.PostAsync($"/api/enrollment/cycles/{year}/publicity", null)).ShouldBeProblemAsync(HttpStatusCode.Conflict,
                "admission.nothing_to_publish");
        (await InboxAsync(person.IdNumber, "in-publicity")).Count.ShouldBe(1);
        Mails(person.Email, "拟录取公示").Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_new_objection_is_told_to_the_bases_admins_and_the_center_but_an_empty_one_to_nobody()
    {
        var (_, _, application, person) = await PublicisedAsync("周磊");
        var objector = await ApplicantWithEmailAsync();
        using var client = await app.SignedInAsync(objector.IdNumber, Password);
        await (await client.PostAsJsonAsync($"/api/enrollment/applications/{application}/objections", new { text = " " }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "objection.text_required");
        (await client.PostAsJsonAsync($"/api/enrollment/applications/{application}/objections", new { text = "学历证书存疑" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        bool About(JsonElement n) => n.GetProperty("link").GetString()!.Contains(application.ToString(), StringComparison.Ordinal);
        IReadOnlyList<JsonElement> b01 = [], center = [];
        await HttpAssertions.EventuallyAsync(async () => (b01 = (await InboxAsync("t-b01", "objection-lodged", RecruitmentApp.StaffPassword))
            .Where(About).ToList()).Count > 0, "the base's notification");
        await HttpAssertions.EventuallyAsync(async () => (center = (await InboxAsync("t-center", "objection-lodged", RecruitmentApp.StaffPassword))
            .Where(About).ToList()).Count > 0, "the center's notification");
        b01.Count.ShouldBe(1, "the refused objection told nobody");
        center.Count.ShouldBe(1);
        b01[0].GetProperty("body").GetString()!.ShouldContain("周磊");
        b01[0].GetProperty("link").GetString().ShouldBe($"{MailingApp.PublicBaseUrl}base/applications/{application}");
        b01[0].GetRawText().ShouldNotContain(person.IdNumber);
        (await InboxAsync("t-b02", "objection-lodged", RecruitmentApp.StaffPassword)).Where(About).ShouldBeEmpty("another base is not told");
    }

    [Fact]
    public async Task Declining_the_place_is_confirmed_to_the_applicant_and_a_decline_without_reason_sends_nothing()
    {
        var (_, person) = await AdmittedAsync("吴敏");
        using var client = await app.SignedInAsync(person.IdNumber, Password);
        await (await client.PostAsJsonAsync("/api/enrollment/applications/me/decline", new { reason = "" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "decline.reason_required");
        await (await client.PostAsJsonAsync("/api/enrollment/applications/me/decline", new { reason = "已被其他单位录用" })).ShouldBeSuccessAsync();

        var told = await EventuallyInAsync(person.IdNumber, "admission-declined", "the decline notification");
        told.Count.ShouldBe(1);
        told[0].GetProperty("body").GetString()!.ShouldContain("吴敏");
        told[0].GetProperty("link").GetString().ShouldBe(MailingApp.PublicBaseUrl + "me/status");
        told[0].GetRawText().ShouldNotContain(person.IdNumber);
        (await EventuallyMailedAsync(person.Email, "已放弃录取资格", "the decline e-mail")).TextBody!.ShouldNotContain(person.IdNumber);
    }

    [Fact]
    public async Task A_revocation_by_the_PHC_is_told_with_its_reason_and_a_base_admins_attempt_sends_nothing()
    {
        var (application, person) = await AdmittedAsync("郑洁");
        using (var b01 = await app.SignedInAsync("t-b01"))
            (await b01.PostAsJsonAsync($"/api/enrollment/applications/{application}/revocation", new { reason = "材料造假" }))
                .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var phc = await app.SignedInAsync("t-phc"))
            await (await phc.PostAsJsonAsync($"/api/enrollment/applications/{application}/revocation", new { reason = "执业证书信息不实" }))
                .ShouldBeSuccessAsync();

        var told = await EventuallyInAsync(person.IdNumber, "admission-revoked", "the revocation notification");
        told.Count.ShouldBe(1);
        told[0].GetProperty("body").GetString()!.ShouldContain("执业证书信息不实");
        told[0].GetRawText().ShouldNotContain(person.IdNumber);
        var mail = await EventuallyMailedAsync(person.Email, "录取资格已撤销", "the revocation e-mail");
        mail.TextBody!.ShouldContain("执业证书信息不实");
        mail.TextBody!.ShouldNotContain(person.IdNumber);
    }

    /// <summary>An applicant of a fresh cycle, approved by B01 on 2024-06-25 (residency, awaiting on-site confirmation).</summary>
    private async Task<(int Year, Person Person, Guid Application)> ApprovedAsync(int? year = null)
    {
        app.Clock.Set(2024, 6, 20, 10);
        year ??= await NewCycleAsync(app);
        var person = await ApplicantWithEmailAsync();
        Guid application;
        using (var client = await app.SignedInAsync(person.IdNumber, Password))
        {
            (await client.PutProfileAsync(Profile())).StatusCode.ShouldBe(HttpStatusCode.OK);
            application = (await (await client.ApplyAsync(Independent("B01"), year)).JsonAsync()).GetProperty("applicationId").GetGuid();
        }
        app.Clock.Set(2024, 6, 25, 15);
        using (var reviewer = await app.SignedInAsync("t-b01"))
            await (await reviewer.PostAsJsonAsync($"/api/enrollment/applications/{application}/review", new { decision = "APPROVE", identityVerified = true }))
                .ShouldBeSuccessAsync();
        return (year.Value, person, application);
    }

    [Fact]
    public async Task Approved_applicants_are_reminded_the_day_before_their_appointment_and_before_the_window_closes()
    {
        var (year, booked, _) = await ApprovedAsync();
        var (_, unbooked, _) = await ApprovedAsync(year);
        Guid slot;
        using (var b01 = await app.SignedInAsync("t-b01"))
            slot = (await (await b01.PostAsJsonAsync("/api/enrollment/bases/B01/appointment-slots", new
            {
                year,
                start = new DateTimeOffset(2024, 7, 2, 9, 0, 0, TimeSpan.FromHours(8)),
                end = new DateTimeOffset(2024, 7, 2, 11, 0, 0, TimeSpan.FromHours(8)),
                capacity = 20,
                place = "门诊楼三楼会议室",
            })).JsonAsync()).GetProperty("slotId").GetGuid();
        using (var client = await app.SignedInAsync(booked.IdNumber, Password))
            await (await client.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = slot })).ShouldBeSuccessAsync();
        var bus = app.Service<IMessageBus>();

        // Before the day before the window opens, a run reminds nobody.
        await bus.InvokeAsync(new SendOnsiteReminders(year));
        (await InboxAsync(booked.IdNumber, "onsite-appointment-reminder")).ShouldBeEmpty();

        app.Clock.Set(2024, 7, 1, 10);
        await bus.InvokeAsync(new SendOnsiteReminders(year));
        var reminded = await EventuallyInAsync(booked.IdNumber, "onsite-appointment-reminder", "the appointment reminder");
        reminded[0].GetProperty("body").GetString()!.ShouldContain("2024-07-02 09:00");
        reminded[0].GetProperty("body").GetString()!.ShouldContain("门诊楼三楼会议室");
        reminded[0].GetProperty("link").GetString().ShouldBe(MailingApp.PublicBaseUrl + "me/appointment");
        reminded[0].GetRawText().ShouldNotContain(booked.IdNumber);
        (await EventuallyMailedAsync(booked.Email, "现场确认提醒", "the reminder e-mail")).TextBody!.ShouldNotContain(booked.IdNumber);
        (await InboxAsync(unbooked.IdNumber, "onsite-window-closing")).ShouldBeEmpty("the window does not close within a day yet");

        // A repeated run (a redelivery) reminds nobody twice.
        await bus.InvokeAsync(new SendOnsiteReminders(year));
        (await InboxAsync(booked.IdNumber, "onsite-appointment-reminder")).Count.ShouldBe(1);

        app.Clock.Set(2024, 7, 4, 9);
        await bus.InvokeAsync(new SendOnsiteReminders(year));
        var closing = await EventuallyInAsync(unbooked.IdNumber, "onsite-window-closing", "the closing reminder");
        closing[0].GetProperty("body").GetString()!.ShouldContain("2024-07-04 23:59");
        closing[0].GetRawText().ShouldNotContain(unbooked.IdNumber);
        await EventuallyMailedAsync(unbooked.Email, "现场确认即将截止", "the closing e-mail");
    }

    [Fact]
    public async Task A_published_exam_session_reaches_the_candidates_on_the_roster_and_a_refused_one_nobody()
    {
        var (year, person, application) = await ApprovedAsync();
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
        await HttpAssertions.EventuallyAsync(async () => await RosteredAsync(person.AccountId), "the confirmed candidate on the exam roster");

        var session = new
        {
            track = "RESIDENCY",
            kind = "WRITTEN",
            start = new DateTimeOffset(2024, 7, 20, 9, 0, 0, TimeSpan.FromHours(8)),
            end = new DateTimeOffset(2024, 7, 20, 11, 30, 0, TimeSpan.FromHours(8)),
            place = "长春市第一考点",
        };
        using (var b01 = await app.SignedInAsync("t-b01"))
            await (await b01.PostAsJsonAsync($"/api/examination/cycles/{year}/sessions", session))
                .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "session.center_only");
        using (var center = await app.SignedInAsync("t-center"))
            (await center.PostAsJsonAsync($"/api/examination/cycles/{year}/sessions", session)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var told = await EventuallyInAsync(person.IdNumber, "exam-session-published", "the exam session notification");
        told.Count.ShouldBe(1, "the refused session told nobody");
        told[0].GetProperty("body").GetString()!.ShouldContain("2024-07-20 09:00");
        told[0].GetProperty("body").GetString()!.ShouldContain("长春市第一考点");
        told[0].GetProperty("link").GetString().ShouldBe($"{MailingApp.PublicBaseUrl}api/examination/cycles/{year}/sessions");
        told[0].GetRawText().ShouldNotContain(person.IdNumber);
        (await EventuallyMailedAsync(person.Email, "考试安排已发布", "the exam session e-mail")).TextBody!.ShouldNotContain(person.IdNumber);
    }

    private async Task<bool> RosteredAsync(Guid applicantId)
    {
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select count(*) from examination.mt_doc_rosterentry where data::text like @applicant", connection);
        command.Parameters.AddWithValue("applicant", $"%{applicantId}%");
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    [Fact]
    public async Task A_lockout_is_told_to_the_account_owner_and_failures_below_the_limit_tell_nothing()
    {
        app.Clock.Set(2024, 6, 20, 10);
        var person = await ApplicantWithEmailAsync();
        using var anonymous = app.Anonymous();
        for (var i = 0; i < 9; i++)
            (await anonymous.PostAsJsonAsync("/api/auth/token", new { login = person.IdNumber, password = "wrong-" + i })).StatusCode
                .ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.PostAsJsonAsync("/api/auth/token", new { login = person.IdNumber, password = "wrong-last" })).StatusCode
            .ShouldBe((HttpStatusCode)423);

        var mail = await EventuallyMailedAsync(person.Email, "账号暂时锁定", "the lockout e-mail");
        mail.TextBody!.ShouldNotContain(person.IdNumber);
        mail.TextBody!.ShouldContain(MailingApp.PublicBaseUrl + "forgot-password");
        Mails(person.Email, "账号暂时锁定").Count.ShouldBe(1, "the nine failures before the lock told nothing");

        app.Clock.Set(2024, 6, 20, 10, 30);
        var told = await InboxAsync(person.IdNumber, "account-locked");
        told.Count.ShouldBe(1);
        told[0].GetProperty("body").GetString()!.ShouldContain("2024-06-20 10:15");
    }

    [Fact]
    public async Task Operators_are_told_of_dead_letters_once_per_message_type_per_period_without_personal_data()
    {
        app.Clock.Set(2024, 6, 20);
        var (application, _, idNumber) = await SubmittedAsync(app, Independent("B01"));
        using var op = await app.SignedInAsync("t-operator");
        static long DeadLetters(JsonElement health) => health.GetProperty("modules").EnumerateArray()
            .Single(m => m.GetProperty("module").GetString() == "Notifications").GetProperty("messages").GetProperty("deadLetters").GetInt64();
        await app.Service<IMessageBus>().InvokeAsync(new CheckDeadLetters());
        var before = (await InboxAsync(op, "dead-letter")).Count;
        var deadBefore = DeadLetters(await (await op.GetAsync("/api/admin/health")).JsonAsync());

        await app.Smtp.StopAsync();
        try
        {
            using (var client = await app.SignedInAsync(idNumber, Password))
                (await client.PutAsJsonAsync("/api/auth/me/contact", new { email = $"{Guid.NewGuid():N}@example.cn", mobile = "13912345678" }))
                    .StatusCode.ShouldBe(HttpStatusCode.OK);
            using (var b01 = await app.SignedInAsync("t-b01"))
                await (await b01.PostAsJsonAsync($"/api/enrollment/applications/{application}/review", new { decision = "REJECT", reason = "照片不合格" }))
                    .ShouldBeSuccessAsync();
            await HttpAssertions.EventuallyAsync(async () =>
                DeadLetters(await (await op.GetAsync("/api/admin/health")).JsonAsync()) > deadBefore, "the undeliverable mail as a dead letter", 60);
        }
        finally
        {
            app.Smtp.Resume();
        }

        // A later period tells of the new dead letters; a second check in the same period tells nothing.
        app.Clock.Set(2024, 6, 20, 12);
        using var later = await app.SignedInAsync("t-operator");
        await app.Service<IMessageBus>().InvokeAsync(new CheckDeadLetters());
        IReadOnlyList<JsonElement> told = [];
        await HttpAssertions.EventuallyAsync(async () => (told = await InboxAsync(later, "dead-letter")).Count > before, "the operators' notification");
        var latest = told[0];
        latest.GetProperty("body").GetString()!.ShouldContain("DeliverEmail");
        latest.GetProperty("link").GetString().ShouldBe(MailingApp.PublicBaseUrl + "api/admin/health");
        latest.GetRawText().ShouldNotContain(idNumber);
        latest.GetRawText().ShouldNotContain("照片不合格");
        latest.GetRawText().ShouldNotContain("@example.cn");

        await app.Service<IMessageBus>().InvokeAsync(new CheckDeadLetters());
        await Task.Delay(500);
        (await InboxAsync(later, "dead-letter")).Count.ShouldBe(told.Count);
    }
}
