namespace Recruitment.Enrollment.Features.Profile;

internal sealed record ProfileRequest(BasicInformation? Basic, IReadOnlyList<Certificate>? Certificates, IReadOnlyList<Education>? Education);

internal sealed record ProfileView(
    string Name, string DocumentType, string DocumentNumber, string Mobile,
    BasicInformation? Basic, IReadOnlyList<Certificate>? Certificates, IReadOnlyList<Education>? Education,
    bool Complete, IReadOnlyList<string> Missing, DateTimeOffset? UpdatedAt);

/// <summary>
/// GET / PUT /api/enrollment/me/profile: the three profile sections (ENR-10). A PUT replaces the
/// sections it carries and may leave items missing; applying needs them complete. After registration
/// closes, an applicant with an application can no longer edit (ENR-15).
/// </summary>
internal sealed class ApplicantProfileEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var me = app.MapGroup("/api/enrollment/me/profile").RequireAuthorization(Policies.Applicant).WithTags("Enrollment: applicants");
        me.MapGet("", async (HttpContext http, IEnrollmentStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            return View(await Load(session, http.User.AccountId(), ct));
        });
        me.MapPut("", async (ProfileRequest request, HttpContext http, IEnrollmentStore store, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            await using var session = store.LightweightSession();
            if (request.Certificates?.Any(c => c is null) == true || request.Education?.Any(e => e is null) == true)
                throw DomainException.Invalid("profile.invalid", "certificates and education are lists of entries, without nulls.");
            var applicant = await Load(session, http.User.AccountId(), ct);
            await EnsureEditable(session, applicant.Id, now, ct);
            applicant.Profile = new Domain.Profile(
                request.Basic ?? applicant.Profile.Basic,
                request.Certificates ?? applicant.Profile.Certificates,
                Ordered(request.Education) ?? applicant.Profile.Education);
            applicant.ProfileUpdatedAt = now;
            session.Store(applicant);
            await session.SaveChangesAsync(ct);
            return View(applicant);
        });
    }

    internal static async Task<Applicant> Load(IQuerySession session, Guid accountId, CancellationToken ct) =>
        Found(await session.LoadAsync<Applicant>(accountId, ct));

    internal static Applicant Found(Applicant? applicant) =>
        applicant ?? throw DomainException.NotFound("applicant.not_found", "This account has no recruitment applicant record.");

    /// <summary>ENR-15: once a cycle's registration has closed, its applicants' data (profile and photo) is frozen; staff correct it on site.</summary>
    internal static async Task EnsureEditable(IQuerySession session, Guid applicantId, DateTimeOffset now, CancellationToken ct)
    {
        var years = await session.Query<Domain.Application>()
            .Where(a => a.ApplicantId == applicantId && a.Status != ApplicationStatus.WITHDRAWN)
            .Select(a => a.Year).ToListAsync(ct);
        foreach (var year in years)
        {
            var cycle = await session.LoadAsync<RecruitmentCycle>(year, ct);
            if (cycle is not null && now >= cycle.Calendar.RegistrationCloseExclusive)
                throw new DomainException("profile.edit_closed",
                    $"Registration for {year} closed at {cycle.Calendar.RegistrationCloseExclusive:O}; only base staff may correct data now (ENR-15).");
        }
    }

    /// <summary>Education is kept from first to highest (ENR-33): sorted by start date so the last entry is the highest.</summary>
    private static IReadOnlyList<Education>? Ordered(IReadOnlyList<Education>? education) =>
        education?.OrderBy(e => e.Start ?? DateOnly.MaxValue).ToList();

    private static ProfileView View(Applicant a)
    {
        var missing = a.Profile.Missing();
        return new ProfileView(a.Name, a.DocumentType.ToString(), a.DocumentNumber, a.Mobile,
            a.Profile.Basic, a.Profile.Certificates, a.Profile.Education, missing.Count == 0, missing, a.ProfileUpdatedAt);
    }
}
