namespace Recruitment.Enrollment.Features.Profile;

public sealed record ProfileRequest(BasicInformation? Basic, IReadOnlyList<Certificate>? Certificates, IReadOnlyList<Education>? Education);

public sealed record SaveProfile(Caller Caller, ProfileRequest Request);

public sealed record ProfileView(
    string Name, string DocumentType, string DocumentNumber, string Mobile,
    BasicInformation? Basic, IReadOnlyList<Certificate>? Certificates, IReadOnlyList<Education>? Education,
    bool Complete, IReadOnlyList<string> Missing, DateTimeOffset? UpdatedAt)
{
    internal static ProfileView Of(Applicant a)
    {
        var missing = a.Profile.Missing();
        return new ProfileView(a.Name, a.DocumentType.ToString(), a.DocumentNumber, a.Mobile,
            a.Profile.Basic, a.Profile.Certificates, a.Profile.Education, missing.Count == 0, missing, a.ProfileUpdatedAt);
    }
}

/// <summary>
/// GET / PUT /api/enrollment/me/profile: the three profile sections (ENR-10). A PUT replaces the
/// sections it carries and may leave items missing; applying needs them complete. After registration
/// closes, an applicant with an application can no longer edit (ENR-15).
/// </summary>
internal sealed class ApplicantProfileEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var me = app.MapModule("/api/enrollment/me/profile", "Enrollment: applicants").RequireAuthorization(Policies.Applicant);
        me.MapGet("", async (Caller caller, IEnrollmentStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            return (await ApplicantAccess.LoadAsync(session, caller.AccountId, ct)).ToResult(a => Results.Ok(ProfileView.Of(a)));
        });
        me.MapPut("", (ProfileRequest request, Caller caller, IMessageBus bus, CancellationToken ct) =>
            bus.SendAsync<ProfileView>(new SaveProfile(caller, request), ct));
    }
}

[MartenStore(typeof(IEnrollmentStore))]
public static class SaveProfileHandler
{
    public static async Task<Outcome<ProfileView>> Handle(SaveProfile command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var request = command.Request;
        var now = clock.GetUtcNow();
        if (request.Certificates?.Any(c => c is null) == true || request.Education?.Any(e => e is null) == true)
            return Refusal.Invalid("profile.invalid", "certificates and education are lists of entries, without nulls.");
        if ((await ApplicantAccess.LoadAsync(session, command.Caller.AccountId, ct)).Refused(out var refused, out var applicant)) return refused;
        if (await ApplicantAccess.EditClosedAsync(session, applicant.Id, now, ct) is { } closed) return closed;
        applicant.Profile = new Domain.Profile(
            request.Basic ?? applicant.Profile.Basic,
            request.Certificates ?? applicant.Profile.Certificates,
            Ordered(request.Education) ?? applicant.Profile.Education);
        applicant.ProfileUpdatedAt = now;
        session.Store(applicant);
        return ProfileView.Of(applicant);
    }

    /// <summary>Education is kept from first to highest (ENR-33): sorted by start date so the last entry is the highest.</summary>
    private static List<Education>? Ordered(IReadOnlyList<Education>? education) =>
        education?.OrderBy(e => e.Start ?? DateOnly.MaxValue).ToList();
}
