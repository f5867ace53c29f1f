using System.Text.RegularExpressions;
using Recruitment.Host.Localization;

namespace Recruitment.IntegrationTests;

/// <summary>
/// Problem details speak Chinese by default and English on request, keyed by the stable code: every code the
/// source can produce has both texts, and every English text a refusal writes has its Chinese counterpart.
/// </summary>
[Collection(FoundationCollection.Name)]
public sealed partial class ProblemLanguageTests(RecruitmentApp app)
{
    [Fact]
    public void Every_code_in_the_source_has_english_and_chinese_text()
    {
        var catalogue = ProblemCatalogue.Load();
        SourceCodes().Select(c => c.Code).Distinct().Count().ShouldBeGreaterThan(250, "the scan no longer finds the codes");
        var missing = SourceCodes().Where(c => !catalogue.Codes.ContainsKey(c.Code))
            .Select(c => $"{c.Code} ({c.File})").Distinct().ToList();
        missing.ShouldBeEmpty("codes without a text in src/Host/Recruitment.Host/Localization/problems.json");

        foreach (var (code, texts) in catalogue.Codes)
        {
            texts.ShouldNotBeEmpty(code);
            foreach (var text in texts)
            {
                text.En.ShouldNotBeNullOrWhiteSpace(code);
                Han().IsMatch(text.Zh).ShouldBeTrue($"{code}: '{text.Zh}' is not Chinese");
                text.ChineseNames.Except(text.EnglishNames).ShouldBeEmpty($"{code}: '{text.Zh}' uses a value its English text does not carry");
            }
        }
        foreach (var status in new[] { 400, 401, 403, 404, 409, 413, 415, 422, 429, 500, 503 })
            catalogue.ChineseTitle(status).ShouldNotBeNull($"no Chinese title for {status}");
    }

    [Fact]
    public void Every_english_detail_written_in_the_source_has_its_chinese_variant()
    {
        var catalogue = ProblemCatalogue.Load();
        var untranslated = new List<string>();
        SourceDetails().Count().ShouldBeGreaterThan(300, "the scan no longer finds the refusals");
        foreach (var (code, english, file) in SourceDetails())
        {
            var shape = Shape(english);
            if (!catalogue.Codes.TryGetValue(code, out var texts) || texts.All(t => Shape(t.En) != shape))
                untranslated.Add($"{code}: \"{english}\" ({file})");
        }
        untranslated.ShouldBeEmpty("English details without a Chinese variant of the same shape in problems.json");
    }

    [Fact]
    public void Values_of_the_english_detail_or_of_extensions_fill_the_chinese_text()
    {
        var catalogue = ProblemCatalogue.Load();
        catalogue.Chinese("plan.wrong_start", "The first block starts on 2024-09-01; training starts on 2024-08-01 (ROT-02, ROT-06).",
                new Dictionary<string, object?>())
            .ShouldBe("第一个轮转段于 2024-09-01 开始；培训于 2024-08-01 开始（ROT-02、ROT-06）。");
        // A refusal that carries its values as extensions needs no English text at all.
        catalogue.Chinese("capacity.not_set", null, new Dictionary<string, object?> { ["baseCode"] = "B03" })
            .ShouldBe("请先设置 B03 各科室的带教容量。");
        // An English text no variant knows falls back to the code's text without values.
        catalogue.Chinese("application.not_found", "Something new.", new Dictionary<string, object?>())
            .ShouldBe("您在本年度没有报名。");
    }

    [Fact]
    public async Task A_refusal_is_chinese_by_default_and_for_browsers_and_english_on_request()
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.AcceptLanguage.Clear();

        var chinese = await RefusalAsync(client, null);
        chinese.Body.GetProperty("detail").GetString().ShouldBe("没有 1999 年度的招录。");
        chinese.Body.GetProperty("title").GetString().ShouldBe("未找到");
        chinese.Language.ShouldBe("zh-CN");

        var browser = await RefusalAsync(client, "zh-CN,zh;q=0.9,en;q=0.8");
        browser.Body.GetProperty("detail").GetString().ShouldBe("没有 1999 年度的招录。");

        var english = await RefusalAsync(client, "en");
        english.Body.GetProperty("detail").GetString().ShouldBe("No recruitment cycle for 1999.");
        english.Body.GetProperty("title").GetString().ShouldBe("Not Found");
        english.Language.ShouldBe("en");

        (await RefusalAsync(client, "en-US,en;q=0.9,zh-CN;q=0.5")).Language.ShouldBe("en");
        (await RefusalAsync(client, "fr-FR")).Language.ShouldBe("zh-CN");
    }

    [Fact]
    public async Task A_framework_problem_without_detail_gets_a_chinese_detail()
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.AcceptLanguage.Clear();
        var response = await client.GetAsync("/api/enrollment/me/application");
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "auth.unauthenticated");
        body.GetProperty("title").GetString().ShouldBe("未登录或登录已失效");
        body.GetProperty("detail").GetString().ShouldBe("请先登录：请求中没有有效的访问令牌。");
    }

    private static async Task<(JsonElement Body, string? Language)> RefusalAsync(HttpClient client, string? acceptLanguage)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/enrollment/cycles/1999/quotas");
        if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        using var response = await client.SendAsync(request);
        var body = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "cycle.not_found");
        return (body, response.Content.Headers.ContentLanguage.SingleOrDefault());
    }

    // ---- reading the source: every code literal, and every (code, English detail) pair written as literals ----

    private static string SourceRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Recruitment.sln"))) return Path.Combine(dir.FullName, "src");
        throw new InvalidOperationException("Recruitment.sln not found above the test binaries.");
    }

    private static IEnumerable<(string File, string Text)> SourceFiles() =>
        Directory.EnumerateFiles(SourceRoot(), "*.cs", SearchOption.AllDirectories)
            // The web client's own message keys are not problem codes the API answers.
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}Recruitment.Web{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(SourceRoot(), f), File.ReadAllText(f)));

    /// <summary>Every string literal shaped like a problem code (<c>area.rule_name</c>), file names excepted.</summary>
    private static IEnumerable<(string Code, string File)> SourceCodes() =>
        SourceFiles().SelectMany(f => CodeLiteral().Matches(f.Text)
            .Select(m => m.Groups[1].Value)
            .Where(code => !FileName().IsMatch(code))
            .Select(code => (code, f.File)));

    private static IEnumerable<(string Code, string English, string File)> SourceDetails()
    {
        foreach (var (file, text) in SourceFiles())
            foreach (Match m in CodeThenDetail().Matches(text))
                yield return (m.Groups[1].Value, Literal(text, m.Index + m.Length), file);
    }

    /// <summary>A C# string literal at <paramref name="i"/> as its text, with interpolation holes as <c>{}</c>.</summary>
    private static string Literal(string s, int i)
    {
        var interpolated = false;
        for (; s[i] is '$' or '@'; i++) interpolated |= s[i] == '$';
        i++;
        var result = new System.Text.StringBuilder();
        while (true)
        {
            var c = s[i];
            if (c == '\\') { result.Append(s[i + 1] switch { '"' => '"', '\\' => '\\', 'n' => '\n', var other => other }); i += 2; continue; }
            if (c == '"') return result.ToString();
            if (interpolated && c == '{' && s[i + 1] == '{') { result.Append('{'); i += 2; continue; }
            if (interpolated && c == '}' && s[i + 1] == '}') { result.Append('}'); i += 2; continue; }
            if (interpolated && c == '{')
            {
                var depth = 1;
                for (i++; depth > 0; i++)
                {
                    if (s[i] == '"') { for (i++; s[i] != '"'; i++) if (s[i] == '\\') i++; }
                    else if (s[i] == '{') depth++;
                    else if (s[i] == '}') depth--;
                }
                result.Append("{}");
                continue;
            }
            result.Append(c);
            i++;
        }
    }

    private static string Shape(string text) => Placeholder().Replace(text, "{}");

    [GeneratedRegex("\"([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)\"")]
    private static partial Regex CodeLiteral();

    [GeneratedRegex("\\((?:\\s*code:)?\\s*\"([a-z][a-z0-9_]*(?:\\.[a-z0-9_]+)+)\"\\s*,\\s*(?:(?:detail|message):\\s*)?(?:string\\.Create\\(CultureInfo\\.InvariantCulture,\\s*)?(?=\\$?@?\")")]
    private static partial Regex CodeThenDetail();

    [GeneratedRegex(@"\.(json|csv|xlsx|html|pdf|png|jpe?g|txt|xml|md|cs|dll)$")]
    private static partial Regex FileName();

    [GeneratedRegex(@"\{[A-Za-z][A-Za-z0-9]*\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}")]
    private static partial Regex Han();
}
