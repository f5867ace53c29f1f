using System.Text.Json;
using static Recruitment.Enrollment.Tests.Applicants;

namespace Recruitment.Enrollment.Tests;

/// <summary>A host whose e-mail goes to a real SMTP server inside the test process.</summary>
public sealed class MailingApp : RecruitmentApp
{
    public TestSmtpServer Smtp { get; } = TestSmtpServer.Start();

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        foreach (var (key, value) in Smtp.HostSettings()) settings[key] = value;
        return settings;
    }
}

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
        notice.GetProperty("link").GetString().ShouldBe("/api/enrollment/me/application");
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
}
