using Recruitment.Host.Hosting;

namespace Recruitment.IntegrationTests;

/// <summary>
/// Logs fit to alert on: a refusal is never an Error and carries no stack trace, no secret reaches a log in any
/// form, personal numbers are masked however they are written, and no value is longer than the policy allows.
/// </summary>
[Collection(FoundationCollection.Name)]
public sealed class LogPolicyTests(RecruitmentApp app)
{
    [Fact]
    public async Task A_refused_registration_logs_neither_the_password_nor_an_error()
    {
        using var client = app.Anonymous();
        var id = TestIds.NewResidentId();
        const string weak = "weakpw";
        const string strong = "Log-policy-Secret-2024";
        // Refused by Identity through a Wolverine invocation (a weak password: 400), then an existing account (409).
        var first = await client.PostAsJsonAsync("/api/enrollment/accounts", new { documentNumber = id, password = weak, name = "张三", mobile = "13800001111" });
        ((int)first.StatusCode).ShouldBe(400, await first.Content.ReadAsStringAsync());
        (await client.PostAsJsonAsync("/api/enrollment/accounts", new { documentNumber = id, password = strong, name = "张三", mobile = "13800001111" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await client.PostAsJsonAsync("/api/enrollment/accounts", new { documentNumber = id, password = strong + "x", name = "张三", mobile = "13800001111" });
        ((int)again.StatusCode).ShouldBeInRange(400, 499);

        var logs = app.Logs.Text;
        logs.ShouldNotContain(strong);
        logs.ShouldNotContain("Password = " + weak);
        logs.ShouldNotContain(id);
        app.Logs.Lines.Where(l => l.StartsWith("Error", StringComparison.Ordinal) && l.Contains("RegisterAccount", StringComparison.Ordinal))
            .ShouldBeEmpty("a refusal is not an error");
        app.Logs.Lines.Where(l => l.Contains("RegisterAccount", StringComparison.Ordinal)).ShouldAllBe(l => !l.Contains("   at "));
    }

    [Theory]
    [InlineData("11010519491231002X", "110************02X")]
    [InlineData("110105 19491231 002X", "110*** ******** *02X")]
    [InlineData("ID11010519491231002Xabc", "ID110************02Xabc")]
    [InlineData("110105194912310", "110*********310")]
    [InlineData("13912345678", "139****5678")]
    [InlineData("+86 13812345678", "+86 138****5678")]
    [InlineData("+8613812345678", "+86138****5678")]
    [InlineData("8613812345678", "86138****5678")]
    [InlineData("138 1234 5678", "138 **** 5678")]
    [InlineData("139-1234-5678", "139-****-5678")]
    [InlineData("tel13912345678.", "tel139****5678.")]
    [InlineData("passport E12345678", "passport E1*****78")]
    [InlineData("permit H1234567890", "permit H1*******90")]
    [InlineData("0431-88881234", "0431-****1234")]
    public void Personal_numbers_are_masked_in_every_written_form(string text, string masked) =>
        PersonalDataMasking.Mask(text).ShouldBe(masked);

    [Theory]
    [InlineData("RegisterAccount { Login = x, Password = Pa ss,word1, Role = applicant }", "Pa ss")]
    [InlineData("{\"login\":\"x\",\"password\":\"Secret-1\"}", "Secret-1")]
    [InlineData("SignIn { RefreshToken = abcdef123456 }", "abcdef123456")]
    [InlineData("Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig", "eyJhbGciOiJIUzI1NiJ9")]
    [InlineData("key rk_0123456789abcdef used", "rk_0123456789abcdef")]
    [InlineData("VerifyCode { OneTimeCode = 123456 }", "123456")]
    public void Secrets_never_survive_the_log_policy(string text, string secret) =>
        LogPolicySink.CleanText(text).ShouldNotContain(secret);

    [Fact]
    public void The_suite_wide_log_check_finds_each_kind_of_breach()
    {
        var capture = new LogCapture();
        capture.Secrets.TryAdd("Witnessed-Secret-1", 0);
        capture.Statuses["req-1"] = 409;
        var parser = new Serilog.Parsing.MessageTemplateParser();
        void Emit(Serilog.Events.LogEventLevel level, string text, string requestId) => capture.Emit(new Serilog.Events.LogEvent(DateTimeOffset.UtcNow, level, null,
            parser.Parse(text), [new Serilog.Events.LogEventProperty("RequestId", new Serilog.Events.ScalarValue(requestId))]));
        Emit(Serilog.Events.LogEventLevel.Information, "login Witnessed-Secret-1", "req-0");
        Emit(Serilog.Events.LogEventLevel.Information, "id 11010519491231002X and 13912345678", "req-0");
        Emit(Serilog.Events.LogEventLevel.Error, "refused", "req-1");
        Emit(Serilog.Events.LogEventLevel.Information, "masked 110************02X and 139****5678", "req-0");
        var violations = capture.Violations();
        violations.Count.ShouldBe(4, string.Join("\n", violations));
    }

    [Fact]
    public void Every_logged_value_is_cut_to_the_policys_length()
    {
        var cleaned = LogPolicySink.CleanText(new string('a', 1_000_000));
        cleaned.Length.ShouldBeLessThan(LogPolicySink.MaxValueLength + 40);
        cleaned.ShouldEndWith("chars)");
    }
}
