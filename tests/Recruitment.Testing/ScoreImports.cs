using Shouldly;

namespace Recruitment.Testing;

/// <summary>An integration job as tests drive it: an API key from the operator, and polling a score import until it completes.</summary>
public static class ScoreImports
{
    public static async Task<HttpClient> JobAsync(this RecruitmentApp app)
    {
        using var @operator = await app.SignedInAsync("t-operator");
        var key = await (await @operator.PostAsJsonAsync("/api/auth/api-keys", new { name = "score job " + Guid.NewGuid() })).JsonAsync();
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.GetProperty("key").GetString());
        return client;
    }

    /// <summary>Waits until the accepted batch is processed; returns it with (up to 100 of) its row results.</summary>
    public static async Task<JsonElement> CompletedAsync(this HttpClient job, HttpResponseMessage accepted, int timeoutSeconds = 60)
    {
        accepted.StatusCode.ShouldBe(HttpStatusCode.Accepted, await accepted.Content.ReadAsStringAsync());
        var location = accepted.Headers.Location!.ToString();
        JsonElement batch = default;
        await HttpAssertions.EventuallyAsync(async () =>
        {
            batch = await (await job.GetAsync(location + "?pageSize=100")).JsonAsync();
            return batch.GetProperty("status").GetString() == "COMPLETED";
        }, $"score import {location} to complete", timeoutSeconds);
        return batch;
    }
}
