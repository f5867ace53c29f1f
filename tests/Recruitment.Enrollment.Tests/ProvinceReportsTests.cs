using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests;

/// <summary>The province reports of the center and the PHC: their totals are the sums of the bases' own tables.</summary>
[Collection(EnrollmentCollection.Name)]
public sealed class ProvinceReportsTests(RecruitmentApp app)
{
    [Fact]
    public async Task Province_reports_total_the_bases_exports_and_lists_and_the_fill_rate_the_vacancy_table()
    {
        app.Clock.Set(2024, 8, 1);
        var year = await NewCycleAsync(app);
        var b01 = new[] { await ExaminedAsync(app, year, "B01", "GP", 90), await ExaminedAsync(app, year, "B01", "PED", 80) };
        var b02 = new[] { await ExaminedAsync(app, year, "B02", "GP", 85) };
        await ExaminedAsync(app, year, "B02", "GP", 40, passed: false);
        foreach (var (login, ids) in new[] { ("t-b01", b01), ("t-b02", b02) })
        {
            using var admin = await app.SignedInAsync(login);
            foreach (var id in ids)
                await (await admin.PostAsJsonAsync($"/api/enrollment/applications/{id}/proposal", new { healthCheck = "PASS", psychTest = "PASS" }))
                    .ShouldBeSuccessAsync();
        }

        using var center = await app.SignedInAsync("t-center");
        using var phc = await app.SignedInAsync("t-phc");
        var baseRows = 0;
        foreach (var (login, baseCode) in new[] { ("t-b01", "B01"), ("t-b02", "B02") })
        {
            using var admin = await app.SignedInAsync(login);
            baseRows += (await CsvAsync(admin, $"/api/enrollment/bases/{baseCode}/exports/residency-proposed?year={year}&format=csv")).Length - 1;
        }
        var province = await CsvAsync(phc, $"/api/enrollment/cycles/{year}/reports/residency-proposed?format=csv");
        (province.Length - 1).ShouldBe(baseRows, "FORM-04 of the province is the bases' FORM-04 together");
        baseRows.ShouldBe(3);
        var baseColumn = province[0].Split(',').ToList().IndexOf("base");
        province.Skip(1).Select(l => l.Split(',')[baseColumn]).ShouldBe(["B01", "B01", "B02"], "bases in code order");

        var byStatus = await (await center.GetAsync($"/api/enrollment/cycles/{year}/reports/applications-by-status")).JsonAsync();
        var counted = byStatus.GetProperty("rows").EnumerateArray()
            .GroupBy(r => r.GetProperty("base").GetString()!).ToDictionary(g => g.Key, g => g.Sum(r => r.GetProperty("applications").GetInt32()));
        foreach (var baseCode in new[] { "B01", "B02" })
        {
            var listed = await (await center.GetAsync($"/api/enrollment/bases/{baseCode}/applications?year={year}&page=1&pageSize=1")).JsonAsync();
            counted[baseCode].ShouldBe(listed.GetProperty("total").GetInt32(), $"{baseCode}: the report counts what the base's list holds");
        }
        byStatus.GetProperty("rows").EnumerateArray()
            .Single(r => r.GetProperty("base").GetString() == "B01" && r.GetProperty("specialty").GetString() == "PED")
            .GetProperty("status").GetString().ShouldBe("PROPOSED");

        var fill = (await (await phc.GetAsync($"/api/enrollment/cycles/{year}/reports/fill-rate")).JsonAsync()).GetProperty("rows").EnumerateArray().ToList();
        var vacancies = await (await phc.GetAsync($"/api/enrollment/cycles/{year}/vacancies")).JsonAsync();
        var whole = fill.Single(r => r.GetProperty("level").GetString() == "PROVINCE");
        whole.GetProperty("places").GetInt32().ShouldBe(vacancies.GetProperty("totalPlaces").GetInt32());
        whole.GetProperty("proposed").GetInt32().ShouldBe(vacancies.GetProperty("totalProposed").GetInt32());
        whole.GetProperty("proposed").GetInt32().ShouldBe(3);
        fill.Where(r => r.GetProperty("level").GetString() == "BASE").Sum(r => r.GetProperty("places").GetInt32())
            .ShouldBe(whole.GetProperty("places").GetInt32(), "the bases add up to the province");
        fill.Single(r => r.GetProperty("level").GetString() == "BASE" && r.GetProperty("base").GetString() == "B01").GetProperty("proposed").GetInt32()
            .ShouldBe(2);
        fill.Single(r => r.GetProperty("level").GetString() == "SHORTAGE").GetProperty("proposed").GetInt32().ShouldBe(3, "GP and PED are shortage rows");

        (await phc.GetAsync($"/api/enrollment/cycles/{year}/reports/vacancies?format=xlsx")).Content.Headers.ContentType!.MediaType
            .ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    [Fact]
    public async Task Bases_and_applicants_cannot_read_province_reports_and_unknown_reports_and_formats_are_refused()
    {
        using var b01 = await app.SignedInAsync("t-b01");
        (await b01.GetAsync("/api/enrollment/cycles/2024/reports/applications-by-status")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var anonymous = app.Anonymous())
            (await anonymous.GetAsync("/api/enrollment/cycles/2024/reports/applications-by-status")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        using var center = await app.SignedInAsync("t-center");
        await (await center.GetAsync("/api/enrollment/cycles/2024/reports/everything")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "report.unknown");
        await (await center.GetAsync("/api/enrollment/cycles/2024/reports/fill-rate?format=pdf"))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "report.unsupported_format");
        await (await center.GetAsync("/api/enrollment/cycles/1999/reports/fill-rate")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cycle.not_found");
    }

    private static async Task<string[]> CsvAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        await response.ShouldBeSuccessAsync();
        return (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF')
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
