using System.Net;
using System.Net.Http.Headers;
using MiniExcelLibs;
using static Recruitment.Examination.Tests.Candidates;

namespace Recruitment.Examination.Tests;

/// <summary>
/// EXAM-09 (round 2): an import is accountable to a base. A key bound to a base imports only that base's rows
/// (<c>WRONG_BASE</c> otherwise); a base admin imports their own base's scores under their sign-in (JSON, CSV, XLSX);
/// the province-wide key is the center's; a key made without a base keeps working province-wide.
/// </summary>
[Collection(ExaminationCollection.Name)]
public sealed class ScoreImportAccountabilityTests(RecruitmentApp app)
{
    private async Task<HttpClient> KeyAsync(string staff, object body)
    {
        using var creator = await app.SignedInAsync(staff);
        var key = await (await creator.PostAsJsonAsync("/api/auth/api-keys", body)).JsonAsync();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());
        return client;
    }

    [Fact]
    public async Task A_key_bound_to_a_base_imports_only_that_base_and_refuses_other_rows_WRONG_BASE_EXAM_09()
    {
        app.Clock.Set(2024, 7, 20);
        var (own, ownId) = await RosteredAsync(app, "B02");
        var (other, otherId) = await RosteredAsync(app, "B03");
        using var bound = await KeyAsync("t-operator", new { name = "B02 interview system", baseCode = "b02" });
        var batch = await bound.CompletedAsync(await bound.ImportAsync(Row(ownId, "B02", theory: 80, interview: 70), Row(otherId, "B03", theory: 80, interview: 70)));
        batch.Results().Select(r => (r.Status, r.Reason)).ShouldBe([("ACCEPTED", null), ("REJECTED", "WRONG_BASE")]);
        (await EntryAsync(app, own)).Score.ShouldNotBeNull();
        (await EntryAsync(app, other)).Score.ShouldBeNull("a refused row stores nothing");

        // An unbound key (as every key made before binding existed) and the center's province-wide key import any base.
        using var legacy = await app.JobAsync();
        (await legacy.CompletedAsync(await legacy.ImportAsync(Row(otherId, "B03", theory: 81, interview: 70)))).Results().Single().Status.ShouldBe("ACCEPTED");
        using var province = await KeyAsync("t-center", new { name = "province written exam", provinceWide = true });
        (await province.CompletedAsync(await province.ImportAsync(Row(otherId, "B03", theory: 82, interview: 70)))).Results().Single().Status.ShouldBe("ACCEPTED");
    }

    [Fact]
    public async Task Only_the_center_creates_a_province_wide_key_and_a_bound_key_names_a_valid_base_EXAM_09()
    {
        using var @operator = await app.SignedInAsync("t-operator");
        await (await @operator.PostAsJsonAsync("/api/auth/api-keys", new { name = "wide", provinceWide = true }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "api_key.province_wide_center_only");
        using var center = await app.SignedInAsync("t-center");
        await (await center.PostAsJsonAsync("/api/auth/api-keys", new { name = "both", provinceWide = true, baseCode = "B01" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "api_key.invalid_base");
        await (await center.PostAsJsonAsync("/api/auth/api-keys", new { name = "bad", baseCode = "B0'1" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "api_key.invalid_base");
        var created = await (await center.PostAsJsonAsync("/api/auth/api-keys", new { name = "wide", provinceWide = true })).JsonAsync();
        created.GetProperty("scope").GetString().ShouldBe("scores:import:province");
    }

    [Fact]
    public async Task A_base_admin_imports_their_own_base_as_JSON_CSV_and_XLSX_and_never_another_base_EXAM_09()
    {
        app.Clock.Set(2024, 7, 20);
        var (json, jsonId) = await RosteredAsync(app, "B03");
        var (csvCandidate, csvId) = await RosteredAsync(app, "B03");
        var (xlsx, xlsxId) = await RosteredAsync(app, "B03");
        var (_, foreignId) = await RosteredAsync(app, "B01");
        using var b03 = await app.SignedInAsync("t-b03");

        var batch = await b03.CompletedAsync(await b03.PostAsJsonAsync("/api/examination/bases/B03/score-imports",
            new { rows = new[] { Row(jsonId, "B03", theory: 80, interview: 70), Row(foreignId, "B01", theory: 80, interview: 70) } }));
        batch.Results().Select(r => (r.Status, r.Reason)).ShouldBe([("ACCEPTED", null), ("REJECTED", "WRONG_BASE")]);

        var csv = $"cycleYear,track,baseCode,idNumber,theoryScore,interviewScore,assessmentResult\n2024,RESIDENCY,B03,{csvId},77,66,PASS\n";
        using (var content = new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"))
            (await b03.CompletedAsync(await b03.PostAsync("/api/examination/bases/B03/score-imports", content))).Results().Single().Status.ShouldBe("ACCEPTED");

        var workbook = new MemoryStream();
        await workbook.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["cycleYear"] = 2024, ["track"] = "RESIDENCY", ["baseCode"] = "B03", ["idNumber"] = xlsxId,
                ["theoryScore"] = 88.5, ["interviewScore"] = 71, ["assessmentResult"] = "PASS" },
        });
        using (var content = new ByteArrayContent(workbook.ToArray()))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            (await b03.CompletedAsync(await b03.PostAsync("/api/examination/bases/B03/score-imports", content))).Results().Single().Status.ShouldBe("ACCEPTED");
        }
        (await EntryAsync(app, json)).Score!.Theory.ShouldBe(80m);
        (await EntryAsync(app, csvCandidate)).Score!.Theory.ShouldBe(77m);
        (await EntryAsync(app, xlsx)).Score!.Theory.ShouldBe(88.5m);

        using (var garbage = new ByteArrayContent([1, 2, 3]))
        {
            garbage.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            await (await b03.PostAsync("/api/examination/bases/B03/score-imports", garbage)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "import.malformed_xlsx");
        }
        await (await b03.PostAsJsonAsync("/api/examination/bases/B01/score-imports", new { rows = new[] { Row(foreignId, "B01", theory: 1, interview: 1) } }))
            .ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        using var b02 = await app.SignedInAsync("t-b02");
        var location = (await b03.PostAsJsonAsync("/api/examination/bases/B03/score-imports", new { rows = new[] { Row(jsonId, "B03", theory: 80, interview: 70) } }))
            .Headers.Location!.ToString();
        await (await b02.GetAsync(location)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "import.not_found");
    }
}
