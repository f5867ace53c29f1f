namespace Recruitment.Identity.Features;

public sealed record ContactDetails(string? Email, string? Mobile);

public sealed record UpdateMyContact(Guid AccountId, ContactDetails Contact);

/// <summary>
/// GET / PUT /api/auth/me/contact: the e-mail address and mobile number where the caller's password-reset codes and
/// notifications go. An applicant's mobile comes from registration; the e-mail is optional.
/// </summary>
internal sealed class MyContactEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth/me/contact").WithTags("Auth").RequireAuthorization(Policies.AnyUser);
        group.MapGet("", async (ClaimsPrincipal user, IIdentityStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            var account = await session.LoadAsync<Account>(user.AccountId(), ct)
                          ?? throw DomainException.NotFound("account.not_found", "No such account.");
            return new ContactDetails(account.Email, account.Mobile);
        });
        group.MapPut("", (ContactDetails request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
            bus.InvokeAsync<ContactDetails>(new UpdateMyContact(user.AccountId(), request), ct));
    }
}

[MartenStore(typeof(IIdentityStore))]
public static class UpdateMyContactHandler
{
    public static async Task<(ContactDetails, AccountChanged)> Handle(UpdateMyContact command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var account = await session.LoadAsync<Account>(command.AccountId, ct)
                      ?? throw DomainException.NotFound("account.not_found", "No such account.");
        account.Email = ContactRules.Email(command.Contact.Email);
        account.Mobile = ContactRules.Mobile(command.Contact.Mobile);
        session.Update(account);
        return (new ContactDetails(account.Email, account.Mobile), account.Changed(clock.GetUtcNow()));
    }
}
