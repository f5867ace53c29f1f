namespace Recruitment.IntegrationTests;

/// <summary>Breaks its own database on purpose, so it has a host and database of its own.</summary>
public sealed class DatabaseFailureTests : IAsyncLifetime
{
    private readonly RecruitmentApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public async Task DisposeAsync() => await ((IAsyncLifetime)_app).DisposeAsync();

    [Fact]
    public async Task A_module_without_its_schema_is_unhealthy_while_the_others_stay_healthy_and_a_lost_database_gives_503()
    {
        using var client = await _app.SignedInAsync("t-operator");
        await _app.Database.ExecuteAsync("alter schema rotation rename to rotation_moved");

        var health = await client.GetAsync("/api/admin/health");
        var modules = (await health.JsonAsync()).GetProperty("modules").EnumerateArray()
            .ToDictionary(m => m.GetProperty("module").GetString()!, m => m.GetProperty("status").GetString());
        modules["Rotation"].ShouldBe("Unhealthy");
        modules.Where(m => m.Key != "Rotation").ShouldAllBe(m => m.Value == "Healthy");

        await _app.Database.DropAsync();
        using var anonymous = _app.Anonymous();
        (await anonymous.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        (await anonymous.GetAsync("/health/live")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await (await anonymous.GetAsync("/api/enrollment/cycles/2024/quotas"))
            .ShouldBeProblemAsync(HttpStatusCode.ServiceUnavailable, "database.unavailable");
    }
}
