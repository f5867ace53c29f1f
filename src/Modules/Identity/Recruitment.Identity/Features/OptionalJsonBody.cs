namespace Recruitment.Identity.Features;

/// <summary>
/// A JSON body a route accepts but does not require (a browser's refresh sends only its cookie; disabling needs no
/// reason). Read by hand, because a declared body parameter makes the route refuse a request that has no JSON body.
/// </summary>
internal static class OptionalJsonBody
{
    public static async Task<T?> ReadAsync<T>(HttpRequest request, CancellationToken ct) where T : class
    {
        if (!request.HasJsonContentType() || request.ContentLength == 0) return null;
        try
        {
            return await request.ReadFromJsonAsync<T>(ct);
        }
        catch (System.Text.Json.JsonException)
        {
            throw DomainException.Invalid("request.malformed", "The body is not valid JSON for this route.");
        }
    }
}
