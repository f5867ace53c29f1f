namespace Recruitment.Enrollment.Features.Profile;

/// <summary>How an applicant's own record is found, and whether it may still change, for every slice that needs it.</summary>
internal static class ApplicantAccess
{
    public static Refusal NotFound => Refusal.NotFound("applicant.not_found", "This account has no recruitment applicant record.");

    public static async Task<Outcome<Applicant>> LoadAsync(IQuerySession session, Guid? accountId, CancellationToken ct) =>
        accountId is { } id && await session.LoadAsync<Applicant>(id, ct) is { } applicant ? applicant : NotFound;

    /// <summary>For slices not yet returning refusals: the applicant, or the refusal thrown.</summary>
    public static Applicant Found(Applicant? applicant) => applicant ?? throw NotFound.ToException();

    /// <summary>ENR-15: once a cycle's registration has closed, its applicants' data (profile and photo) is frozen; staff correct it on site.</summary>
    public static async Task<Refusal?> EditClosedAsync(IQuerySession session, Guid applicantId, DateTimeOffset now, CancellationToken ct)
    {
        var years = await session.Query<Domain.Application>()
            .Where(a => a.ApplicantId == applicantId && a.Status != ApplicationStatus.WITHDRAWN)
            .Select(a => a.Year).ToListAsync(ct);
        foreach (var year in years)
        {
            var cycle = await session.LoadAsync<RecruitmentCycle>(year, ct);
            if (cycle is not null && now >= cycle.Calendar.RegistrationCloseExclusive)
                return new Refusal("profile.edit_closed",
                    $"Registration for {year} closed at {cycle.Calendar.RegistrationCloseExclusive:O}; only base staff may correct data now (ENR-15).");
        }
        return null;
    }
}
