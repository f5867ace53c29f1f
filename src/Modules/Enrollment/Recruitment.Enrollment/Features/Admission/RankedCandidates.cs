namespace Recruitment.Enrollment.Features.Admission;

internal sealed record RankedCandidate(int Rank, Guid ApplicationId, string Name, string SpecialtyCode, string? OtherSpecialty, string Category,
    string Status, decimal Total, decimal InterviewPart, decimal Written, bool ExemptionRequested, int? DecidedMonths, IReadOnlyList<string> Flags);

/// <summary>
/// GET /api/enrollment/bases/{baseCode}/candidates?specialty=&amp;format=json|csv|xlsx: a base's passing
/// candidates per cell in the default order of ENR-46 (total, interview, written), with exemption requests
/// and flags; paged as JSON, whole as an export.
/// </summary>
internal sealed class RankedCandidatesEndpoint : ICarterModule
{
    private static readonly string[] Columns =
        ["rank", "name", "specialty", "otherSpecialty", "category", "status", "total", "interview", "written", "exemptionRequested", "decidedMonths", "flags"];

    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/enrollment/bases/{baseCode}/candidates", async (string baseCode, int? year, string? specialty, string? track, string? format,
                int? page, int? pageSize, HttpContext http, IEnrollmentStore store, CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(baseCode);
                var paging = Paging.From(page, pageSize);
                await using var session = store.QuerySession();
                var cycle = await ApplicationAccess.Cycle(session, year, ct);
                var t = track is null ? Track.RESIDENCY : ApplicationAccess.Filter<Track>(track, "track");
                var query = session.Query<Application>().Where(a => a.Year == cycle.Id && a.BaseCode == baseCode && a.Track == t && a.ExamResult != null);
                if (specialty is not null) { var code = specialty.ToUpperInvariant(); query = query.Where(a => a.SpecialtyCode == code); }
                var ranked = Rank((await query.ToListAsync(ct)).Where(a => a.IsPassing && a.IsActive).ToList());
                if (format is not null)
                    return await TableExport.FileAsync(format, $"candidates-{cycle.Id}-{baseCode}", Columns, ranked.Select(Row), ct);
                return Results.Ok(paging.Of(ranked.Skip(paging.Skip).Take(paging.PageSize).ToList(), ranked.Count));
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Enrollment: admission");

    /// <summary>Ranks within each cell (specialty and, for OTHER, specialty base); cells in quota-table order.</summary>
    internal static List<RankedCandidate> Rank(IReadOnlyList<Application> passing) =>
        passing.GroupBy(a => (a.SpecialtyCode, a.OtherSpecialty))
            .OrderBy(g => SpecialtyOrder.Of(g.Key.SpecialtyCode, g.Key.OtherSpecialty))
            .SelectMany(g => g.Order(Ranking.Instance).Select((a, i) => new RankedCandidate(i + 1, a.Id, a.Name, a.SpecialtyCode, a.OtherSpecialty,
                a.Category.ToString(), a.Status.ToString(), a.ExamResult!.Total, a.ExamResult.InterviewPart, a.ExamResult.Written, a.ExemptionRequested,
                a.Exemption is { Approved: true } e ? e.TrainingMonths : null, a.Flags)))
            .ToList();

    private static IReadOnlyDictionary<string, object?> Row(RankedCandidate c) => new Dictionary<string, object?>
    {
        ["rank"] = c.Rank,
        ["name"] = c.Name,
        ["specialty"] = c.SpecialtyCode,
        ["otherSpecialty"] = c.OtherSpecialty,
        ["category"] = c.Category,
        ["status"] = c.Status,
        ["total"] = c.Total,
        ["interview"] = c.InterviewPart,
        ["written"] = c.Written,
        ["exemptionRequested"] = c.ExemptionRequested ? "Y" : "N",
        ["decidedMonths"] = c.DecidedMonths,
        ["flags"] = string.Join(';', c.Flags),
    };
}

/// <summary>ENR-52: specialty rows in quota-table order (GP, PED, PSY, OBG, ANE, EM, PATH, CCM), then OTHER specialty bases alphabetically.</summary>
internal static class SpecialtyOrder
{
    private static readonly string[] Rows = ["GP", "PED", "PSY", "OBG", "ANE", "EM", "PATH", "CCM"];

    public static string Of(string specialtyCode, string? otherSpecialty)
    {
        var row = Array.IndexOf(Rows, specialtyCode);
        return row >= 0 ? $"{row:D2}" : $"99:{otherSpecialty?.ToUpperInvariant()}";
    }
}
