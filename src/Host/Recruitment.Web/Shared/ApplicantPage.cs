namespace Recruitment.Web.Shared;

/// <summary>A page of the signed-in applicant: without a session it sends the user to sign in and back.</summary>
public abstract class ApplicantPage : SignedInPage
{
    protected sealed override async Task OnInitializedAsync()
    {
        if (SentToSignIn()) return;
        await LoadAsync();
    }
}
