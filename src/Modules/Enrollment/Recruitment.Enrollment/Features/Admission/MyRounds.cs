namespace Recruitment.Enrollment.Features.Admission;

internal sealed record MyRoundCell(string BaseCode, string SpecialtyCode, string? OtherSpecialty);

internal sealed record MyRound(Guid Id, string Kind, DateTimeOffset Opens, DateTimeOffset Closes, bool Open, bool Allocated,
    IReadOnlyList<MyRoundCell>? Preferences, DateTimeOffset? SubmittedAt);

internal sealed record MyRounds(int Year, string Status, bool Eligible, IReadOnlyList<MyRound> Rounds);

/// <summary>
/// GET /api/enrollment/me/rounds: the reallocation and supplementary rounds of the caller's cycle (ENR-53..ENR-56),
/// newest first, whether each accepts preferences now, and the caller's own preferences in it. Applicants learn a
/// round's id here instead of from the PHC's announcement; <c>eligible</c> says whether the caller may take part
/// (passed, examined, not proposed: ENR-54, ENR-55), so the page can say so before anything is sent.
/// </summary>
internal sealed class MyRoundsEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/enrollment/me/rounds", async (Caller caller, IEnrollmentStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                await using var session = store.QuerySession();
                var a = await ApplicationAccess.Own(session, caller.AccountId ?? Guid.Empty, null, ct);
                var rounds = await session.Query<Round>().Where(r => r.Year == a.Year).OrderByDescending(r => r.Opens).ToListAsync(ct);
                var ids = rounds.Select(r => RoundPreferences.IdFor(r.Id, a.Id)).ToArray();
                var mine = ids.Length == 0 ? [] : (await session.LoadManyAsync<RoundPreferences>(ct, ids)).ToDictionary(p => p.RoundId);
                var views = rounds.Select(r =>
                {
                    var own = mine.GetValueOrDefault(r.Id);
                    return new MyRound(r.Id, r.Kind.ToString(), r.Opens, r.Closes, now >= r.Opens && now < r.Closes && r.AllocatedAt is null,
                        r.AllocatedAt is not null, own?.Cells.Select(Cell).ToList(), own?.SubmittedAt);
                }).ToList();
                return new MyRounds(a.Year, a.Status.ToString(), a.Status == ApplicationStatus.NOT_PROPOSED && a.IsPassing, views);
            })
            .RequireAuthorization(Policies.Applicant).WithTags("Enrollment: rounds");

    /// <summary>A cell id ("year:base:specialty[:other]") as the preferences form shows it.</summary>
    private static MyRoundCell Cell(string id)
    {
        var parts = id.Split(':', 4);
        return new MyRoundCell(parts[1], parts[2], parts.Length > 3 ? parts[3] : null);
    }
}
