using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace Recruitment.Web.Shared;

/// <summary>
/// A page of the fellowship behind sign-in: the applicant's (<see cref="ForOffice"/> false) or the Sci &amp; Ed office's.
/// Without a session it sends the user to sign in and back; another role sees that the page is not theirs and nothing
/// is loaded. Loads afresh on every new address (one application to the next keeps the component).
/// </summary>
public abstract class FellowshipPage : SignedInPage
{
    public const string Route = "/api/advanced-fellowship";

    [Inject] protected IJSRuntime Js { get; set; } = default!;

    protected abstract bool ForOffice { get; }

    protected bool WrongRole { get; private set; }

    private string? _loadedUri;

    protected sealed override async Task OnParametersSetAsync()
    {
        var uri = Nav.Uri;
        if (uri == _loadedUri) return;
        _loadedUri = uri;
        if (SentToSignIn()) return;
        // whoami once per sign-in: the menu shows the fellowship's pages to a fellowship applicant (Session.Caller.Programme).
        var caller = await Api.WhoAmIAsync();
        WrongRole = ForOffice ? caller?.Role != "fellowship-admin" : caller is not { Role: "applicant", Programme: "fellowship" };
        if (WrongRole) return;
        await LoadAsync();
    }

    /// <summary>Fetches a PDF with the access token and hands it to the browser as a download (js/files.js).</summary>
    protected async Task<Problem?> DownloadAsync(string url, string fileName)
    {
        var (bytes, problem) = await Api.GetFileAsync(url);
        if (bytes is null) return problem;
        await using var files = await Js.InvokeAsync<IJSObjectReference>("import", "./js/files.js");
        await files.InvokeVoidAsync("save", fileName, "application/pdf", bytes);
        return null;
    }
}
