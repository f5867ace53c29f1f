namespace Recruitment.Rotation.Tests;

[CollectionDefinition(Name)]
public sealed class RotationMailingCollection : ICollectionFixture<MailingApp>
{
    public const string Name = "rotation-mailing";
}

/// <summary>Rotation's notifications: the trainee's approved plan (inbox and e-mail), the base's reduced-year plan to reissue (ROT-05, ROT-09).</summary>
[Collection(RotationMailingCollection.Name)]
public sealed class PlanNotificationTests(MailingApp app)
{
    private const string Password = "Applicant-2024";

    private static string Plan(Guid id, string tail = "") => $"/api/rotation/trainees/{id}/plan{tail}";

    private static async Task<IReadOnlyList<System.Text.Json.JsonElement>> InboxAsync(HttpClient client, string template) =>
        (await (await client.GetAsync("/api/notifications/me?pageSize=100")).JsonAsync()).GetProperty("items").EnumerateArray()
        .Where(n => n.GetProperty("template").GetString() == template).ToList();

    [Fact]
    public async Task The_trainee_is_told_when_the_base_approves_the_plan_and_not_when_the_center_is_refused()
    {
        app.Clock.Set(2024, 8, 26);
        await Trainees.CycleReadyAsync(app);
        var idNumber = TestIds.NewResidentId();
        using (var anyone = app.Anonymous())
            await (await anyone.PostAsJsonAsync("/api/enrollment/accounts",
                new { documentNumber = idNumber, password = Password, name = "学员", mobile = "13812345678" })).ShouldBeSuccessAsync();
        using var trainee = await app.SignedInAsync(idNumber, Password);
        var email = $"{Guid.NewGuid():N}@example.cn";
        (await trainee.PutAsJsonAsync("/api/auth/me/contact", new { email, mobile = "13812345678" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var accountId = Guid.Parse((await (await trainee.GetAsync("/api/auth/whoami")).JsonAsync()).GetProperty("subject").GetString()!);
        var id = await Trainees.AdmitAsync(app, "B01", applicantId: accountId);

        using var b01 = await app.SignedInAsync("t-b01");
        using var center = await app.SignedInAsync("t-center");
        await (await b01.PutAsJsonAsync(Plan(id), new { blocks = await Trainees.GpTemplateBlocksAsync(app) })).ShouldBeSuccessAsync();
        await (await center.PostAsync(Plan(id, "/approve"), null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "plan.base_approval_required");
        await (await b01.PostAsync(Plan(id, "/approve"), null)).ShouldBeSuccessAsync();

        IReadOnlyList<System.Text.Json.JsonElement> told = [];
        await HttpAssertions.EventuallyAsync(async () => (told = await InboxAsync(trainee, "rotation-plan-approved")).Count > 0, "the approval");
        told.Count.ShouldBe(1, "the refused approval told nothing");
        told[0].GetProperty("link").GetString().ShouldBe(MailingApp.PublicBaseUrl + "api/rotation/me/plan");
        told[0].GetRawText().ShouldNotContain(idNumber);
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(app.Smtp.To(email)
            .Any(m => m.Subject?.Contains("轮转计划已审核通过", StringComparison.Ordinal) == true)), "the approval e-mail");
        app.Smtp.To(email).ShouldAllBe(m => !m.TextBody!.Contains(idNumber));
    }

    [Fact]
    public async Task An_approved_exemption_that_needs_a_reissued_plan_is_told_to_the_bases_admins_once()
    {
        app.Clock.Set(2024, 8, 26);
        await Trainees.CycleReadyAsync(app);
        var id = await Trainees.AdmitAsync(app, "B01");
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PutAsJsonAsync(Plan(id), new { blocks = await Trainees.GpTemplateBlocksAsync(app) })).ShouldBeSuccessAsync();
        await (await b01.PostAsync(Plan(id, "/approve"), null)).ShouldBeSuccessAsync();

        await Trainees.DecideAsync(app, id, 24, 1, ("GP", 24));
        bool About(System.Text.Json.JsonElement n) => n.GetProperty("link").GetString()!.Contains(id.ToString(), StringComparison.Ordinal);
        IReadOnlyList<System.Text.Json.JsonElement> told = [];
        await HttpAssertions.EventuallyAsync(async () => (told = (await InboxAsync(b01, "reduced-year-plan-pending")).Where(About).ToList()).Count > 0,
            "the base's notification");
        told[0].GetProperty("link").GetString().ShouldBe($"{MailingApp.PublicBaseUrl}api/rotation/trainees/{id}/plan");

        // The same decision again (a redelivery) changes nothing and tells nobody twice; another base is not told.
        await Trainees.DecideAsync(app, id, 24, 1, ("GP", 24));
        await Task.Delay(500);
        (await InboxAsync(b01, "reduced-year-plan-pending")).Where(About).Count().ShouldBe(1);
        using var b02 = await app.SignedInAsync("t-b02");
        (await InboxAsync(b02, "reduced-year-plan-pending")).Where(About).ShouldBeEmpty();
    }
}
