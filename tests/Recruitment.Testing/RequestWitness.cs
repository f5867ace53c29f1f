using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Recruitment.Testing;

/// <summary>
/// Test-only middleware in front of the host: notes every secret a request carries (passwords, tokens, one-time
/// codes in a JSON body; API keys and bearer tokens in headers) and each request's status, so that
/// <see cref="LogCapture.Violations"/> can judge a whole run's log against what the tests really sent.
/// </summary>
internal sealed class RequestWitness(LogCapture logs) : IStartupFilter
{
    private static readonly string[] SecretFields = ["password", "token", "secret", "otp", "onetimecode", "verificationcode"];

    private static bool IsSecretField(string name) => SecretFields.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase));

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (context, nextMiddleware) =>
        {
            var request = context.Request;
            if (request.Headers.TryGetValue("X-Api-Key", out var key)) Note(key.ToString());
            var authorization = request.Headers.Authorization.ToString();
            if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) Note(authorization[7..]);
            if (request.ContentType?.Contains("json", StringComparison.OrdinalIgnoreCase) == true && request.ContentLength is > 0 and < 1_000_000)
            {
                request.EnableBuffering();
                try
                {
                    using var document = await JsonDocument.ParseAsync(request.Body);
                    Collect(document.RootElement);
                }
                catch (Exception e) when (e is JsonException or InvalidOperationException)
                {
                    // A deliberately malformed body (bad syntax, a lone surrogate): nothing to note.
                }
                request.Body.Position = 0;
            }
            context.Response.OnCompleted(() =>
            {
                logs.Statuses[context.TraceIdentifier] = context.Response.StatusCode;
                return Task.CompletedTask;
            });
            await nextMiddleware(context);
        });
        next(app);
    };

    private void Collect(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Value.ValueKind == JsonValueKind.String && IsSecretField(property.Name)) Note(property.Value.GetString()!);
                    else if (property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: <= 256 } plain)
                        logs.PlainValues.TryAdd(plain, 0);
                    else Collect(property.Value);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Collect(item);
                break;
        }
    }

    private void Note(string secret)
    {
        if (!string.IsNullOrWhiteSpace(secret)) logs.Secrets.TryAdd(secret, 0);
    }
}
