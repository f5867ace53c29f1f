using Recruitment.Identity.Contracts;

namespace Recruitment.AdvancedFellowship.Features.Accounts;

internal sealed record RegisterFellowshipApplicantRequest(string? DocumentNumber, string? Password, string? Name, string? Mobile);

internal sealed record RegisteredFellowshipApplicant(Guid AccountId, string Login);

/// <summary>
/// POST /api/advanced-fellowship/accounts: self-registration of a fellowship applicant (FEL-11), keyed by the
/// resident ID number (whose birth date gives the age of FEL-06). Identity creates the login in the fellowship
/// programme, so the token opens the fellowship routes and not the residency ones. Any day: applying is what the
/// window limits.
/// </summary>
internal sealed partial class RegisterFellowshipApplicantEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/advanced-fellowship/accounts", Handle)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Authentication)
            .WithTags("AdvancedFellowship: applicants");

    private static async Task<IResult> Handle(RegisterFellowshipApplicantRequest request, IMessageBus bus, IAdvancedFellowshipStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var number = request.DocumentNumber?.Trim().ToUpperInvariant() ?? "";
        if (!ResidentId.IsValid(number, ChinaTime.Date(now)))
            throw DomainException.Invalid("account.invalid_document_number",
                "documentNumber must be a valid 18-character PRC resident ID number (region, birth date, sequence, check character).");
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 50) throw DomainException.Invalid("account.name_required", "name is required (at most 50 characters).");
        var mobile = request.Mobile?.Trim() ?? "";
        if (!MobileNumber.IsValid(mobile))
            throw DomainException.Invalid("account.invalid_mobile", "mobile must be an 11-digit mainland mobile number starting with 1.");

        var registered = await bus.InvokeAsync<AccountRegistered>(
            new RegisterAccount(number, request.Password ?? "", Roles.Applicant, Programmes.Fellowship, name, Mobile: mobile), ct);

        await using var session = store.LightweightSession();
        session.Store(new FellowshipApplicant { Id = registered.AccountId, DocumentNumber = number, Name = name, Mobile = mobile, RegisteredAt = now });
        await session.SaveChangesAsync(ct);
        return Results.Created("/api/advanced-fellowship/me/application", new RegisteredFellowshipApplicant(registered.AccountId, number));
    }
}
