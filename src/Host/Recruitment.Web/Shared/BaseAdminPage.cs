namespace Recruitment.Web.Shared;

/// <summary>
/// A page of the base admin console. Without a session it sends the user to sign in and back; another role sees
/// that the page is not theirs. The base is the one the server puts in the token (GET /api/auth/whoami), never one
/// read from the URL: a link naming another base reaches the API, which refuses, and the page shows that refusal.
/// </summary>
public abstract class BaseAdminPage : SignedInPage
{
    protected CallerView? Caller { get; private set; }

    /// <summary>Signed in, but not as a base admin (an applicant, the center): the page says so and loads nothing.</summary>
    protected bool WrongRole { get; private set; }

    /// <summary>The caller's own base, from the token.</summary>
    protected string OwnBase => Caller?.BaseCode ?? "";

    private string? _loadedUri;

    /// <summary>
    /// Loads afresh (every field a page shows is set in its LoadAsync) on every new address, not only the first: going
    /// from one application to another (or from ?base=B01 back to the own queue) keeps the same component, so data
    /// loaded once would otherwise stay on screen.
    /// </summary>
    protected sealed override async Task OnParametersSetAsync()
    {
        var uri = Nav.Uri;
        if (uri == _loadedUri) return;
        _loadedUri = uri;
        if (SentToSignIn()) return;
        Caller = await Api.WhoAmIAsync();
        if (Caller is not { Role: "base-admin", BaseCode.Length: > 0 })
        {
            WrongRole = true;
            return;
        }
        await LoadAsync();
    }
}
