using Microsoft.AspNetCore.Components;

namespace Recruitment.Web.Shared;

/// <summary>A page of the signed-in applicant: without a session it sends the user to sign in and back.</summary>
public abstract class ApplicantPage : ComponentBase
{
    [Inject] protected Session Session { get; set; } = default!;
    [Inject] protected ApiClient Api { get; set; } = default!;
    [Inject] protected Texts T { get; set; } = default!;
    [Inject] protected NavigationManager Nav { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;

    protected sealed override async Task OnInitializedAsync()
    {
        if (!Session.IsSignedIn)
        {
            Nav.NavigateTo("signin?returnUrl=" + Uri.EscapeDataString(Nav.ToBaseRelativePath(Nav.Uri)));
            return;
        }
        await LoadAsync();
    }

    protected abstract Task LoadAsync();
}
