using Microsoft.AspNetCore.Components;

namespace Recruitment.Web.Shared;

/// <summary>What every page behind sign-in has: its services, and the way to sign in and come back.</summary>
public abstract class SignedInPage : ComponentBase
{
    [Inject] protected Session Session { get; set; } = default!;
    [Inject] protected ApiClient Api { get; set; } = default!;
    [Inject] protected Texts T { get; set; } = default!;
    [Inject] protected NavigationManager Nav { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;

    /// <summary>Without a session, sends the user to sign in and back to this address; answers whether it did.</summary>
    protected bool SentToSignIn()
    {
        if (Session.IsSignedIn) return false;
        Nav.NavigateTo("signin?returnUrl=" + Uri.EscapeDataString(Nav.ToBaseRelativePath(Nav.Uri)));
        return true;
    }

    /// <summary>Reads the page's data.</summary>
    protected abstract Task LoadAsync();
}
