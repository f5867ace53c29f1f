namespace Recruitment.Web.Api;

/// <summary>
/// Who is signed in. The access token lives in this object only (memory): never in localStorage or a
/// readable cookie, so a script injected into the page cannot carry it away after the tab closes. The
/// refresh token is an HttpOnly cookie the browser sends to /api/auth/refresh alone.
/// </summary>
public sealed class Session
{
    public string? AccessToken { get; private set; }
    public string? Role { get; private set; }
    public DateTimeOffset? ExpiresAt { get; private set; }

    public bool IsSignedIn => AccessToken is not null;
    public bool IsApplicant => Role == "applicant";
    public bool IsBaseAdmin => Role == "base-admin";

    /// <summary>
    /// What the server says the token is worth (GET /api/auth/whoami), read once per sign-in: a base admin's
    /// pages take their base from here, never from the URL.
    /// </summary>
    public CallerView? Caller { get; private set; }

    public void Identified(CallerView caller)
    {
        Caller = caller;
        Changed?.Invoke();
    }

    /// <summary>Raised when the user signs in or out, so the layout and pages re-render.</summary>
    public event Action? Changed;

    public void SignIn(TokenResponse token)
    {
        AccessToken = token.AccessToken;
        Role = token.Role;
        ExpiresAt = token.ExpiresAt;
        Caller = null;
        Changed?.Invoke();
    }

    public void SignOut()
    {
        if (AccessToken is null) return;
        AccessToken = null;
        Role = null;
        ExpiresAt = null;
        Caller = null;
        Changed?.Invoke();
    }
}
