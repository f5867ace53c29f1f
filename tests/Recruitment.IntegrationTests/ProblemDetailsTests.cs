namespace Recruitment.IntegrationTests;

[Collection(FoundationCollection.Name)]
public sealed class ProblemDetailsTests(RecruitmentApp app)
{
    [Fact]
    public async Task Unknown_route_is_a_404_problem()
    {
        using var client = app.Anonymous();
        await (await client.GetAsync("/api/no/such/thing")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "route.not_found");
    }

    [Fact]
    public async Task Malformed_json_is_a_400_problem_without_internals()
    {
        using var client = app.Anonymous();
        var response = await client.PostAsync("/api/auth/token", new StringContent("{\"login\": ", Encoding.UTF8, "application/json"));
        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
    }

    [Fact]
    public async Task Unknown_cycle_is_a_404_problem_with_its_own_code()
    {
        using var client = app.Anonymous();
        await (await client.GetAsync("/api/enrollment/cycles/1999/quotas")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cycle.not_found");
    }
}
