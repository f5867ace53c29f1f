using Shouldly;

namespace Recruitment.Testing;

public static class HttpAssertions
{
    public static async Task ShouldBeSuccessAsync(this HttpResponseMessage response)
    {
        if (!response.IsSuccessStatusCode)
            throw new ShouldAssertException($"Expected success but got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>Asserts an RFC 9457 problem with the given status and stable code; returns the body.</summary>
    public static async Task<JsonElement> ShouldBeProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var text = await response.Content.ReadAsStringAsync();
        ((int)response.StatusCode).ShouldBe((int)status, text);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", text);
        var body = JsonDocument.Parse(text).RootElement;
        body.GetProperty("code").GetString().ShouldBe(code, text);
        text.ShouldNotContain("   at ", customMessage: "a response must never carry a stack trace");
        return body;
    }

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        await response.ShouldBeSuccessAsync();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls until the condition holds (message handlers run asynchronously), or fails after the timeout.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (DateTime.UtcNow < deadline)
        {
            if (await condition()) return;
            await Task.Delay(100);
        }
        throw new ShouldAssertException($"Timed out after {timeoutSeconds}s waiting for: {what}");
    }
}
