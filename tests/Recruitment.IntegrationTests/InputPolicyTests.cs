using System.IO.Compression;

namespace Recruitment.IntegrationTests;

/// <summary>
/// The one input policy: each input that used to reach a 500 (or leak a C# name) is refused with a 400, 404 or 415
/// problem naming the field by its JSON path or query name, and changes nothing.
/// </summary>
[Collection(FoundationCollection.Name)]
public sealed class InputPolicyTests(RecruitmentApp app)
{
    private static StringContent Json(string json, string contentType = "application/json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static async Task<JsonElement> ShouldNameFieldAsync(HttpResponseMessage response, HttpStatusCode status, string code, string field)
    {
        var body = await response.ShouldBeProblemAsync(status, code);
        body.GetProperty("field").GetString().ShouldBe(field);
        await ShouldNotLeakAsync(response);
        return body;
    }

    private static async Task ShouldNotLeakAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldNotContain("Recruitment.");
        text.ShouldNotContain("System.");
        text.ShouldNotContain("Failed to read parameter");
        text.ShouldNotContain("Failed to bind parameter");
    }

    [Fact]
    public async Task A_nul_character_in_a_stored_field_is_refused_and_nothing_is_stored()
    {
        using var client = app.Anonymous();
        var id = TestIds.NewResidentId();
        var body = JsonSerializer.Serialize(new { documentNumber = id, password = "Good-pass-2024", name = "张\u0000三", mobile = "13800001111" });
        await ShouldNameFieldAsync(await client.PostAsync("/api/enrollment/accounts", Json(body)), HttpStatusCode.BadRequest, "request.invalid_text", "$.name");
        // The same person registers properly afterwards: the refused request left no account behind.
        (await client.PostAsJsonAsync("/api/enrollment/accounts", new { documentNumber = id, password = "Good-pass-2024", name = "张三", mobile = "13800001111" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_lone_surrogate_in_json_is_refused_with_its_path()
    {
        using var client = app.Anonymous();
        await ShouldNameFieldAsync(await client.PostAsync("/api/auth/token", Json("""{"login":"\ud800","password":"x"}""")),
            HttpStatusCode.BadRequest, "request.invalid_text", "$.login");
    }

    [Fact]
    public async Task Nul_in_a_query_filter_is_refused()
    {
        using var b01 = await app.SignedInAsync("t-b01");
        await ShouldNameFieldAsync(await b01.GetAsync("/api/enrollment/bases/B01/applications?specialty=G%00P"),
            HttpStatusCode.BadRequest, "request.invalid_text", "specialty");
        using var center = await app.SignedInAsync("t-center");
        await ShouldNameFieldAsync(await center.GetAsync("/api/training-exemption/requests?baseCode=B0%001"),
            HttpStatusCode.BadRequest, "request.invalid_text", "baseCode");
    }

    [Fact]
    public async Task A_page_past_the_last_possible_offset_is_a_paging_error_not_an_overflow()
    {
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.GetAsync("/api/enrollment/bases/B01/applications?page=2147483647")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_paging");
        var wrong = await b01.GetAsync("/api/enrollment/bases/B01/applications?page=abc");
        await ShouldNameFieldAsync(wrong, HttpStatusCode.BadRequest, "request.invalid_value", "page");
    }

    [Theory]
    [InlineData("00000000-0000-0000-0000-000000000000")]
    [InlineData("not-a-guid")]
    public async Task An_empty_or_malformed_id_in_the_path_is_not_found(string id)
    {
        using var center = await app.SignedInAsync("t-center");
        // A route whose id is constrained to a GUID does not match a malformed one at all: route.not_found.
        var response = await center.GetAsync($"/api/enrollment/applications/{id}");
        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, Guid.TryParse(id, out _) ? "resource.not_found" : "route.not_found");
        (await center.PostAsJsonAsync($"/api/examination/candidates/{id}/corrections", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_charset_or_a_wrong_media_type_is_415()
    {
        using var client = app.Anonymous();
        await (await client.PostAsync("/api/auth/token", Json("""{"login":"a","password":"b"}""", "application/json; charset=x-unknown")))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_charset");
        await (await client.PostAsync("/api/auth/token", new StringContent("""{"login":"a","password":"b"}""", Encoding.UTF8, "text/plain")))
            .ShouldBeProblemAsync(HttpStatusCode.UnsupportedMediaType, "request.unsupported_media_type");
        // An unknown API route is still a 404.
        await (await client.PostAsync("/api/no-such-module/route", Json("{}"))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "route.not_found");
    }

    [Fact]
    public async Task A_wrong_type_names_the_json_path_and_never_a_csharp_type_or_parameter()
    {
        using var client = app.Anonymous();
        var response = await client.PostAsync("/api/auth/token", Json("""{"login":5,"password":"x"}"""));
        await ShouldNameFieldAsync(response, HttpStatusCode.BadRequest, "request.invalid_value", "$.login");
        await ShouldNotLeakAsync(await client.PostAsync("/api/auth/token", Json("[1,2]")));
        (await client.PostAsync("/api/auth/token", Json("[1,2]"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Deep_nesting_is_refused_as_malformed()
    {
        using var client = app.Anonymous();
        var deep = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        await (await client.PostAsync("/api/auth/token", Json(deep))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task A_null_item_in_a_list_is_refused_with_its_index()
    {
        using var b01 = await app.SignedInAsync("t-b01");
        await ShouldNameFieldAsync(await b01.PutAsync("/api/rotation/bases/B01/capacities", Json("""{"departments":[null]}""")),
            HttpStatusCode.BadRequest, "request.invalid_text", "$.departments[0]");
        using var center = await app.SignedInAsync("t-center");
        var template = await center.PutAsync("/api/rotation/templates/GP", Json("""{"items":[null]}"""));
        ((int)template.StatusCode).ShouldBe(400, await template.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Text_longer_than_its_field_allows_is_refused()
    {
        using var client = app.Anonymous();
        var longName = new string('名', 151);
        await ShouldNameFieldAsync(await client.PostAsJsonAsync("/api/enrollment/accounts",
                new { documentNumber = TestIds.NewResidentId(), password = "Good-pass-2024", name = longName, mobile = "13800001111" }),
            HttpStatusCode.BadRequest, "request.invalid_text", "$.name");
        // However a route reads its body, no string is longer than the largest class.
        await (await client.PostAsJsonAsync("/api/auth/token", new { login = new string('a', 1_000_000), password = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_text");
    }

    [Fact]
    public async Task A_nul_in_a_csv_score_import_is_refused()
    {
        using var @operator = await app.SignedInAsync("t-operator");
        var key = (await (await @operator.PostAsJsonAsync("/api/auth/api-keys", new { name = "input policy" })).JsonAsync()).GetProperty("key").GetString()!;
        using var job = app.Anonymous();
        job.DefaultRequestHeaders.Add("X-Api-Key", key);
        var csv = "cycleYear,track,baseCode,idNumber,theoryScore,assessmentResult\n2024,RESIDENCY,B01,1\u00002,60,PASS\n";
        await (await job.PostAsync("/api/examination/score-imports", new StringContent(csv, Encoding.UTF8, "text/csv")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_text");
        var json = """{"rows":[{"cycleYear":2024,"track":"RESIDENCY","baseCode":"B01","idNumber":"1\u00002","assessmentResult":"PASS"}]}""";
        await ShouldNameFieldAsync(await job.PostAsync("/api/examination/score-imports", Json(json)),
            HttpStatusCode.BadRequest, "request.invalid_text", "$.rows[0].idNumber");
    }

    [Fact]
    public async Task An_xlsx_with_a_doctype_is_a_400()
    {
        using var center = await app.SignedInAsync("t-center");
        var content = new ByteArrayContent(XlsxWithDoctype());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var response = await center.PutAsync("/api/rotation/templates/GP", content);
        ((int)response.StatusCode).ShouldBe(400, await response.Content.ReadAsStringAsync());
        await ShouldNotLeakAsync(response);
    }

    [Fact]
    public async Task The_openapi_document_states_each_strings_maximum_length()
    {
        using var client = app.Anonymous();
        var text = await client.GetStringAsync("/openapi/v1.json");
        var schemas = JsonDocument.Parse(text).RootElement.GetProperty("components").GetProperty("schemas");
        var register = schemas.EnumerateObject().First(s => s.Name.Contains("RegisterApplicantRequest", StringComparison.Ordinal)).Value;
        register.GetProperty("properties").GetProperty("name").GetProperty("maxLength").GetInt32().ShouldBe(150);
        register.GetProperty("properties").GetProperty("mobile").GetProperty("maxLength").GetInt32().ShouldBe(256);
    }

    /// <summary>A minimal workbook whose sheet declares a DOCTYPE (an XML entity bomb would start this way).</summary>
    private static byte[] XlsxWithDoctype()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string path, string xml)
            {
                using var writer = new StreamWriter(zip.CreateEntry(path).Open());
                writer.Write(xml);
            }
            Add("[Content_Types].xml", """<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
            Add("_rels/.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>""");
            Add("xl/workbook.xml", """<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>""");
            Add("xl/_rels/workbook.xml.rels", """<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>""");
            Add("xl/worksheets/sheet1.xml", """<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row></sheetData></worksheet>""");
        }
        return buffer.ToArray();
    }
}
