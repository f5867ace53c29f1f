using Microsoft.Extensions.Configuration;

namespace Recruitment.Notifications.Delivery;

/// <summary>
/// Makes a notification's link absolute with the platform's public address (<c>Notifications:PublicBaseUrl</c>), so the
/// same link works from an e-mail, an SMS and the inbox. Modules send paths; only this knows where the platform lives.
/// </summary>
public sealed class PublicLinks(Uri baseUrl)
{
    public const string DefaultBaseUrl = "http://127.0.0.1:5080/";

    public static PublicLinks From(IConfiguration configuration)
    {
        var configured = configuration["Notifications:PublicBaseUrl"];
        var url = string.IsNullOrWhiteSpace(configured) ? DefaultBaseUrl : configured.Trim();
        return new PublicLinks(new Uri(url.EndsWith('/') ? url : url + "/", UriKind.Absolute));
    }

    public string? Absolute(string? link) =>
        string.IsNullOrWhiteSpace(link) ? null
        : Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https" ? absolute.ToString()
        : new Uri(baseUrl, link.TrimStart('/')).ToString();
}
