using System.Text;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using Recruitment.Web.Api;
using Recruitment.Web.Localization;
using Recruitment.Web.Pages;
using Recruitment.Web.Shared;

namespace Recruitment.Web.Tests;

/// <summary>The forms' logic rendered with bUnit, against a recorded HTTP handler instead of a server.</summary>
public sealed class FormLogicTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly RecordingHandler _server = new();
    private readonly Texts _texts = new();

    public FormLogicTests()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddMudServices();
        _context.Services.AddSingleton(TimeProvider.System);
        _context.Services.AddSingleton(_texts);
        _context.Services.AddSingleton<Session>();
        _context.Services.AddSingleton(new HttpClient(_server) { BaseAddress = new Uri("http://client.test/") });
        _context.Services.AddSingleton<ApiClient>();
    }

    public void Dispose() => _context.Dispose();

    [Fact]
    public void A_wrong_check_character_is_refused_in_the_browser_and_nothing_is_sent()
    {
        var id = TestIds.NewResidentId();
        var cut = _context.Render<Register>();
        Fill(cut, id[..17] + (id[17] == '0' ? '1' : '0'), "13812345678");
        cut.Find("form").Submit();
        cut.Markup.ShouldContain(_texts["id.check"]);
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public void The_servers_refusal_stands_beside_the_field_its_code_concerns()
    {
        _server.Answer = (HttpStatusCode.BadRequest, """{"status":400,"code":"account.invalid_mobile","detail":"手机号码格式不正确（服务器）"}""");
        var cut = _context.Render<Register>();
        Fill(cut, TestIds.NewResidentId(), "13812345678");
        cut.Find("form").Submit();
        cut.WaitForAssertion(() => _server.Requests.ShouldHaveSingleItem().ShouldEndWith("/api/enrollment/accounts"));
        cut.WaitForAssertion(() =>
        {
            var mobileField = cut.FindAll(".mud-input-control").Single(c => c.QuerySelector("#mobile") is not null);
            mobileField.TextContent.ShouldContain("手机号码格式不正确（服务器）");
        });
        cut.Markup.ShouldNotContain("data-testid=\"refusal\"", customMessage: "a field refusal is not repeated for the whole form");
    }

    [Fact]
    public void MudBlazors_pager_line_is_Chinese_with_the_numbers_it_passes()
    {
        // The table pager asks for "{0}-{1} of {2}" with three arguments; a text with other placeholders crashed the page.
        var mud = new MudTexts(_texts);
        mud["MudDataGridPager_InfoFormat", 1, 20, 57].Value.ShouldBe("第 1-20 条，共 57 条");
        foreach (var key in MudTexts.Chinese.Keys)
            Should.NotThrow(() => mud[key, 1, 2, 3], key);
    }

    [Theory]
    [InlineData(null, "applicant", "me/status")]
    [InlineData(null, "base-admin", "base/applications")]
    [InlineData(null, "center-admin", "")]
    [InlineData("base/applications/5", "base-admin", "base/applications/5")]
    [InlineData("me/inbox", "base-admin", "me/inbox")]
    [InlineData("https://evil.example/", "base-admin", "base/applications")]
    [InlineData("base//evil.example", "applicant", "me/status")]
    public void After_signing_in_a_base_admin_lands_on_the_work_queue_and_never_outside_the_client(string? returnUrl, string role, string expected) =>
        SignIn.Destination(returnUrl, role).ShouldBe(expected);

    [Fact]
    public void Every_reason_of_the_servers_resident_ID_check_has_a_Chinese_text()
    {
        var id = TestIds.NewResidentId();
        var now = DateTimeOffset.UtcNow;
        string[] wrong = [id[..17], "A" + id[1..], "0" + id[1..], id[..6] + "20991231" + id[14..], id[..17] + (id[17] == '0' ? '1' : '0')];
        foreach (var number in wrong)
        {
            var text = DocumentCheck.DocumentProblem(_texts, "PRC_ID", number, now);
            text.ShouldNotBeNull(number);
            text.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", number);
        }
        DocumentCheck.DocumentProblem(_texts, "PRC_ID", id.ToLowerInvariant(), now).ShouldBeNull();
        DocumentCheck.DocumentProblem(_texts, "PASSPORT", "E1234567", now).ShouldBeNull();
    }

    [Theory]
    [InlineData(153_599, "photo.too_small")]
    [InlineData(153_600, null)]
    [InlineData(307_200, null)]
    [InlineData(307_201, "photo.too_large")]
    public void The_photo_size_rule_is_the_servers_inclusive_150_to_300_KB(long size, string? expected)
    {
        var problem = Photo.SizeProblem(_texts, size);
        if (expected is null) problem.ShouldBeNull();
        else problem.ShouldBe(_texts.Format(expected, size));
    }

    [Fact]
    public void The_live_missing_list_uses_the_servers_paths()
    {
        ProfileChecklist.Missing(null, null, null).ShouldBe(["basic", "certificates", "education"]);
        var missing = ProfileChecklist.Missing(new BasicInformation { Gender = "MALE" }, [new Certificate { Type = "PRACTISING" }],
            [new Education { InProgress = true }]);
        missing.ShouldContain("basic.email");
        missing.ShouldContain("certificates[0].practiceScope");
        missing.ShouldContain("education[0].school");
        missing.ShouldNotContain("education[0].end", "an enrolled programme has no end yet");
        MissingText.Describe(_texts, "education[0].school").ShouldContain(_texts["profile.edu.school"]);
    }

    private static void Fill(IRenderedComponent<Register> cut, string number, string mobile)
    {
        cut.Find("#documentNumber").Input(number);
        cut.Find("#name").Change("赵强");
        cut.Find("#mobile").Change(mobile);
        cut.Find("#password").Change("Applicant-2024");
        cut.Find("#confirm").Change("Applicant-2024");
    }

    private sealed class RecordingHandler : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];
        public (HttpStatusCode Status, string Body) Answer { get; set; } = (HttpStatusCode.OK, "{}");

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Requests) Requests.Add(request.RequestUri!.AbsolutePath);
            return Task.FromResult(new HttpResponseMessage(Answer.Status)
            {
                Content = new StringContent(Answer.Body, Encoding.UTF8, "application/problem+json"),
            });
        }
    }
}
