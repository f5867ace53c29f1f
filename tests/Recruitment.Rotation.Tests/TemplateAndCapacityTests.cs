using System.Net.Http.Headers;
using System.Text;
using MiniExcelLibs;

namespace Recruitment.Rotation.Tests;

/// <summary>Rotation templates (SAMPLE, replaced by the center's upload) and department capacities, through HTTP.</summary>
[Collection(RotationCollection.Name)]
public sealed class TemplateAndCapacityTests(RecruitmentApp app)
{
    private static string NewCode() => "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();

    private static object Items(params (string, int, int)[] items) =>
        new { items = items.Select(i => new { department = i.Item1, months = i.Item2, minBlockMonths = i.Item3 }).ToArray() };

    [Fact]
    public async Task Shipped_templates_are_labelled_SAMPLE_and_sum_to_the_standard_duration_ROT_10_ROT_11()
    {
        await Trainees.CycleReadyAsync(app);
        using var anyone = app.Anonymous();
        var gp = await (await anyone.GetAsync("/api/rotation/templates/GP")).JsonAsync();
        gp.GetProperty("source").GetString().ShouldBe("SAMPLE");
        gp.GetProperty("sample").GetBoolean().ShouldBeTrue();
        gp.GetProperty("items").EnumerateArray().Sum(i => i.GetProperty("months").GetInt32()).ShouldBe(36);
        var agp = await (await anyone.GetAsync("/api/rotation/templates/ASSISTANT_GP")).JsonAsync();
        agp.GetProperty("totalMonths").GetInt32().ShouldBe(24);
        (await (await anyone.GetAsync("/api/rotation/departments")).JsonAsync()).GetProperty("items").GetArrayLength().ShouldBe(30);
        await (await anyone.GetAsync("/api/rotation/templates/NOPE")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "template.not_found");
    }

    [Fact]
    public async Task The_center_replaces_a_template_with_JSON_CSV_or_XLSX_and_bad_uploads_change_nothing()
    {
        await Trainees.CycleReadyAsync(app);
        using var center = await app.SignedInAsync("t-center");
        var code = NewCode();
        var put = await (await center.PutAsJsonAsync($"/api/rotation/templates/{code}", Items(("IM-CARD", 18, 3), ("SURG", 18, 3)))).JsonAsync();
        put.GetProperty("source").GetString().ShouldBe("UPLOADED");

        await (await center.PutAsJsonAsync($"/api/rotation/templates/{code}", Items(("IM-CARD", 18, 3), ("SURG", 17, 3))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "template.months_mismatch");
        await (await center.PutAsJsonAsync($"/api/rotation/templates/{code}", Items(("CARDIO", 18, 3), ("SURG", 18, 3))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "template.unknown_department");
        await (await center.PutAsJsonAsync($"/api/rotation/templates/{code}", Items(("SURG", 18, 3), ("SURG", 18, 3))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "template.duplicate_department");
        await (await center.PutAsJsonAsync($"/api/rotation/templates/{code}", Items(("IM-CARD", 18, 20), ("SURG", 18, 3))))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "template.invalid_item");
        (await (await center.GetAsync($"/api/rotation/templates/{code}")).JsonAsync()).GetProperty("items")[1].GetProperty("months").GetInt32().ShouldBe(18);

        var csv = new StringContent("department,months,minBlockMonths\nIM-CARD,12,3\nSURG,12,3\nEM,12,2\n", Encoding.UTF8, "text/csv");
        var fromCsv = await (await center.PutAsync($"/api/rotation/templates/{code}", csv)).JsonAsync();
        fromCsv.GetProperty("items").GetArrayLength().ShouldBe(3);

        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(new[]
        {
            new Dictionary<string, object> { ["department"] = "PED", ["months"] = 30, ["minBlockMonths"] = 6 },
            new Dictionary<string, object> { ["department"] = "EM", ["months"] = 6, ["minBlockMonths"] = 2 },
        });
        var xlsx = new ByteArrayContent(sheet.ToArray());
        xlsx.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var fromXlsx = await (await center.PutAsync($"/api/rotation/templates/{code}", xlsx)).JsonAsync();
        fromXlsx.GetProperty("items")[0].GetProperty("department").GetString().ShouldBe("PED");

        var broken = new StringContent("department,months\nPED,thirty\n", Encoding.UTF8, "text/csv");
        await (await center.PutAsync($"/api/rotation/templates/{code}", broken)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "template.invalid_item");
        using var b01 = await app.SignedInAsync("t-b01");
        (await b01.PutAsJsonAsync($"/api/rotation/templates/{code}", Items(("PED", 36, 3)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_base_sets_its_own_department_capacities_and_no_other_base()
    {
        await Trainees.CycleReadyAsync(app);
        using var b01 = await app.SignedInAsync("t-b01");
        var body = new { departments = new[] { new { department = "IM-CARD", perMonth = 6 }, new { department = "surg", perMonth = 4 } } };
        var saved = await (await b01.PutAsJsonAsync("/api/rotation/bases/B01/capacities", body)).JsonAsync();
        saved.GetProperty("departments").EnumerateArray().Select(d => d.GetProperty("department").GetString()).ShouldBe(["IM-CARD", "SURG"]);
        await (await b01.PutAsJsonAsync("/api/rotation/bases/B02/capacities", body)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        await (await b01.PutAsJsonAsync("/api/rotation/bases/B01/capacities",
            new { departments = new[] { new { department = "CARDIO", perMonth = 6 } } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "capacity.unknown_department");
        await (await b01.PutAsJsonAsync("/api/rotation/bases/B01/capacities",
            new { departments = new[] { new { department = "EM", perMonth = -1 } } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "capacity.invalid");
        using var center = await app.SignedInAsync("t-center");
        (await (await center.GetAsync("/api/rotation/bases/B01/capacities")).JsonAsync()).GetProperty("departments").GetArrayLength().ShouldBe(2);
        await (await center.GetAsync("/api/rotation/bases/B99/capacities")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "base.not_found");
    }
}
