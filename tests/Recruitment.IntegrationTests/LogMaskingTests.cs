namespace Recruitment.IntegrationTests;

[Collection(FoundationCollection.Name)]
public sealed class LogMaskingTests(RecruitmentApp app)
{
    [Fact]
    public async Task Resident_id_numbers_and_phone_numbers_never_reach_the_log()
    {
        const string idNumber = "11010519491231002X";
        const string mobile = "13912345678";
        using var client = app.Anonymous();
        // A failed login is logged with the login as given: here a resident ID, then a phone number.
        (await client.PostAsJsonAsync("/api/auth/token", new { login = idNumber, password = "Wrong-pass-1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.PostAsJsonAsync("/api/auth/token", new { login = mobile, password = "Wrong-pass-1" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var logs = app.Logs.Text;
        logs.ShouldContain("Failed login for");
        logs.ShouldNotContain(idNumber);
        logs.ShouldNotContain(idNumber.ToLowerInvariant());
        logs.ShouldNotContain(mobile);
        logs.ShouldContain("110************02X");
        logs.ShouldContain("139****5678");
    }
}
