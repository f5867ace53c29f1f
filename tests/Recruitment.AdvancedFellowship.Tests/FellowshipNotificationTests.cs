using static Recruitment.AdvancedFellowship.Tests.Fellows;

namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>The fellowship host with its mail going to a real SMTP server inside the test process.</summary>
public sealed class FellowshipMailingApp : MailingApp
{
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["AdvancedFellowship:ProgrammeLastYear"] = "2999";
        return settings;
    }
}

[CollectionDefinition(Name)]
public sealed class FellowshipMailingCollection : ICollectionFixture<FellowshipMailingApp>
{
    public const string Name = "fellowship-mailing";
}

/// <summary>The applicant hears of the fellowship's status changes (FEL-12) by inbox and e-mail; a refused review tells nothing.</summary>
[Collection(FellowshipMailingCollection.Name)]
public sealed class FellowshipNotificationTests(FellowshipMailingApp app)
{
    private async Task<IReadOnlyList<JsonElement>> InboxAsync(string idNumber, string template)
    {
        using var client = await app.SignedInAsync(idNumber, Password);
        return (await (await client.GetAsync("/api/notifications/me?pageSize=100")).JsonAsync()).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("template").GetString() == template).ToList();
    }

    private List<MimeKit.MimeMessage> Mails(string email, string subject) =>
        app.Smtp.To(email).Where(m => m.Subject?.Contains(subject, StringComparison.Ordinal) == true).ToList();

    [Fact]
    public async Task Proposal_and_rejection_reach_the_applicant_and_a_rejection_without_reason_tells_nothing()
    {
        var cycle = await Cycles.CreateAsync(app, Cycles.OnlyRow(6, 1));
        var (id, client, idNumber) = await SubmittedAsync(app, Physician(6, Cycles.Day(cycle.Id, 5, 15)), cycle.Id, cycle);
        var email = $"{Guid.NewGuid():N}@example.cn";
        (await client.PutAsJsonAsync("/api/auth/me/contact", new { email, mobile = "13812345678" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var admin = await app.SignedInAsync(Admin);

        await admin.ProposeAsync(id);
        IReadOnlyList<JsonElement> proposed = [];
        await HttpAssertions.EventuallyAsync(async () => (proposed = await InboxAsync(idNumber, "fellowship-proposed")).Count > 0, "the proposal");
        proposed[0].GetProperty("link").GetString().ShouldBe(MailingApp.PublicBaseUrl + "api/advanced-fellowship/me/application");
        proposed[0].GetRawText().ShouldNotContain(idNumber);
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(Mails(email, "进修拟录取").Count > 0), "the proposal e-mail");

        await (await admin.ReviewAsync(id, new { decision = "REJECT" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "review.reason_required");
        await (await admin.ReviewAsync(id, new { decision = "REJECT", reason = "门诊工作经历证明不足" })).ShouldBeSuccessAsync();
        IReadOnlyList<JsonElement> rejected = [];
        await HttpAssertions.EventuallyAsync(async () => (rejected = await InboxAsync(idNumber, "fellowship-rejected")).Count > 0, "the rejection");
        rejected.Count.ShouldBe(1, "the refused rejection told nothing");
        rejected[0].GetProperty("body").GetString()!.ShouldContain("门诊工作经历证明不足");
        rejected[0].GetRawText().ShouldNotContain(idNumber);
        await HttpAssertions.EventuallyAsync(() => Task.FromResult(Mails(email, "进修申请未通过").Count > 0), "the rejection e-mail");
        Mails(email, "进修申请未通过")[0].TextBody!.ShouldNotContain(idNumber);
    }
}
