namespace Recruitment.IntegrationTests;

[Collection(FoundationCollection.Name)]
public sealed class HealthTests(RecruitmentApp app)
{
    [Fact]
    public async Task Live_and_ready_answer_anonymously()
    {
        using var client = app.Anonymous();
        (await client.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var ready = await (await client.GetAsync("/health/ready")).JsonAsync();
        ready.GetProperty("status").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Operators_see_every_module_healthy_with_message_counts()
    {
        using var client = await app.SignedInAsync("t-operator");
        var health = await (await client.GetAsync("/api/admin/health")).JsonAsync();
        var modules = health.GetProperty("modules").EnumerateArray().ToList();
        modules.Select(m => m.GetProperty("module").GetString()).ShouldBe(
            ["Identity", "Enrollment", "Examination", "TrainingExemption", "Rotation", "AdvancedFellowship", "Notifications", "Publications", "AccessAudit"]);
        foreach (var module in modules)
        {
            module.GetProperty("status").GetString().ShouldBe("Healthy", module.ToString());
            module.GetProperty("schemaUpToDate").GetBoolean().ShouldBeTrue();
            module.GetProperty("messages").GetProperty("deadLetters").GetInt64().ShouldBe(0);
        }
    }

    [Fact]
    public async Task The_openapi_document_is_public()
    {
        using var client = app.Anonymous();
        var doc = await (await client.GetAsync("/openapi/v1.json")).JsonAsync();
        doc.GetProperty("paths").TryGetProperty("/api/enrollment/cycles/{year}/quotas", out _).ShouldBeTrue();
    }
}
