using System.Text.RegularExpressions;
using Recruitment.Identity.Contracts;

namespace Recruitment.Enrollment.Features.Accounts;

internal sealed record RegisterApplicantRequest(string? DocumentType, string? DocumentNumber, string? Password, string? Name, string? Mobile);

internal sealed record RegisteredApplicant(Guid AccountId, string Login);

/// <summary>
/// POST /api/enrollment/accounts: self-registration keyed by document number (ENR-08, ENR-09).
/// An account may be created before the registration window opens; applying may not.
/// </summary>
internal sealed partial class RegisterApplicantAccountEndpoint : ICarterModule
{
    [GeneratedRegex(@"^[A-Z0-9]{5,20}$")]
    private static partial Regex OtherDocument();

    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/accounts", Handle)
            .AllowAnonymous()
            .RequireRateLimiting(RateLimits.Authentication)
            .WithTags("Enrollment: applicants");

    private static async Task<IResult> Handle(RegisterApplicantRequest request, IMessageBus bus, IEnrollmentStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var type = ParseDocumentType(request.DocumentType);
        var number = request.DocumentNumber?.Trim().ToUpperInvariant() ?? "";
        var problem = type == DocumentType.PRC_ID
            ? ResidentId.Problem(number, now)
            : OtherDocument().IsMatch(number) ? null : "a document number has 5 to 20 letters or digits";
        if (problem is not null) throw DomainException.Invalid("account.invalid_document_number", problem + ".");
        var name = request.Name?.Trim() ?? "";
        if (name.Length is 0 or > 50) throw DomainException.Invalid("account.name_required", "name is required (at most 50 characters).");
        var mobile = request.Mobile?.Trim() ?? "";
        if (!MobileNumber.IsValid(mobile))
            throw DomainException.Invalid("account.invalid_mobile", "mobile must be a mainland mobile number: 11 digits starting with 1 (ENR-12).");

        var registered = await bus.InvokeAsync<AccountRegistered>(
            new RegisterAccount(number, request.Password ?? "", Roles.Applicant, Programmes.Recruitment, name, Mobile: mobile), ct);

        // The login exists from here on; the applicant record is what Enrollment keeps of the registration. The two
        // live in two stores, so the step is idempotent instead of atomic: Identity answers a retry with the same
        // password with the same account, and the applicant is inserted once (a second insert is a unique-key
        // conflict); a registration that already has its applicant is a duplicate.
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<Applicant>(registered.AccountId, ct) is not null)
            return Refusal.Conflict("account.exists", "An account with this login already exists.").ToResult();
        session.Insert(new Applicant
        {
            Id = registered.AccountId,
            DocumentType = type,
            DocumentNumber = number,
            Name = name,
            Mobile = mobile,
            RegisteredAt = now,
        });
        await session.SaveChangesAsync(ct);
        return Results.Created("/api/enrollment/me/profile", new RegisteredApplicant(registered.AccountId, number));
    }

    private static DocumentType ParseDocumentType(string? text) =>
        string.IsNullOrWhiteSpace(text) ? DocumentType.PRC_ID
        : Enum.TryParse<DocumentType>(text, ignoreCase: false, out var type) ? type
        : throw DomainException.Invalid("account.unknown_document_type",
            $"documentType must be one of {string.Join(", ", Enum.GetNames<DocumentType>())}.");
}
