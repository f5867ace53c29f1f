namespace Recruitment.Enrollment.Features.Admission;

/// <summary>
/// GET /api/enrollment/bases/{baseCode}/exports/{table}?format=csv|xlsx: the summary tables a base sends
/// the center (ENR-52). <c>residency-proposed</c> is FORM-04, <c>assistant-gp-proposed</c> is Att4 (FORM-02)
/// after ranking, <c>assistant-gp-qualified</c> is Att4 as the qualified-registrants list (ENR-40). Rows
/// are ordered as ENR-52 says: exemption requesters first, then specialty row order, then total descending.
/// </summary>
internal sealed class AdmissionExportsEndpoint : ICarterModule
{
    private static readonly string[] Form04 =
    [
        "no", "name", "gender", "idNumber", "mobile", "base", "specialty", "highestEducation", "degreeType", "category", "employer",
        "freeStudent", "directedCounty", "exemptionRequested", "trainingMonths", "total",
    ];

    private static readonly string[] Form02 = ["no", "name", "gender", "idNumber", "mobile", "highestEducation", "category", "employer"];

    private static readonly ApplicationStatus[] Proposed =
    [
        ApplicationStatus.PROPOSED, ApplicationStatus.CENTER_REVIEWED, ApplicationStatus.PHC_RECHECKED, ApplicationStatus.IN_PUBLICITY,
        ApplicationStatus.ON_HOLD, ApplicationStatus.ADMITTED, ApplicationStatus.REPORTED,
    ];

    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/enrollment/bases/{baseCode}/exports/{table}", async (string baseCode, string table, int? year, string? format, HttpContext http,
                IEnrollmentStore store, CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(baseCode);
                await using var session = store.QuerySession();
                var cycle = await ApplicationAccess.Cycle(session, year, ct);
                if (Table(table) is not { } known)
                    throw DomainException.NotFound("export.unknown_table", "table is residency-proposed, assistant-gp-proposed or assistant-gp-qualified.");
                var (track, statuses, columns) = known;
                var applications = await session.Query<Application>().Where(a => a.Year == cycle.Id && a.BaseCode == baseCode && a.Track == track).ToListAsync(ct);
                var rows = Rows(applications.Where(a => statuses.Contains(a.Status)), cycle);
                return await TableExport.FileAsync(format, $"{table}-{cycle.Id}-{baseCode}", columns, rows, ct);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Enrollment: admission");

    /// <summary>What each table holds; the province reports consolidate the same tables across bases.</summary>
    internal static (Track Track, ApplicationStatus[] Statuses, string[] Columns)? Table(string table) => table switch
    {
        "residency-proposed" => (Track.RESIDENCY, Proposed, Form04),
        "assistant-gp-proposed" => (Track.ASSISTANT_GP, Proposed, Form02),
        "assistant-gp-qualified" => (Track.ASSISTANT_GP, [ApplicationStatus.QUALIFIED], Form02),
        _ => null,
    };

    /// <summary>ENR-52 order within a base (bases in code order when several are given), numbered from 1.</summary>
    internal static IEnumerable<IReadOnlyDictionary<string, object?>> Rows(IEnumerable<Application> applications, RecruitmentCycle cycle) =>
        applications
            .OrderBy(a => a.BaseCode, StringComparer.Ordinal)
            .ThenBy(a => a.ExemptionRequested ? 0 : 1)
            .ThenBy(a => SpecialtyOrder.Of(a.SpecialtyCode, a.OtherSpecialty), StringComparer.Ordinal)
            .ThenByDescending(a => a.ExamResult?.Total ?? 0)
            .Select((a, i) => Row(i + 1, a, cycle));

    private static Dictionary<string, object?> Row(int no, Application a, RecruitmentCycle cycle)
    {
        var highest = a.Profile?.Highest;
        var sponsored = a.Category == Category.SPONSORED;
        return new Dictionary<string, object?>
        {
            ["no"] = no,
            ["name"] = a.Name,
            ["gender"] = a.Profile?.Basic?.Gender ?? a.Form?.Gender,
            ["idNumber"] = a.DocumentNumber,
            ["mobile"] = a.Mobile,
            ["base"] = a.BaseCode,
            ["specialty"] = a.OtherSpecialty ?? a.SpecialtyCode,
            ["highestEducation"] = highest?.Level ?? (object?)a.Form?.Highest?.Level,
            ["degreeType"] = highest?.DegreeType,
            ["category"] = a.Category,
            // FORM-02 Decision: the employer is given for sponsored registrants only.
            ["employer"] = sponsored ? a.Choice?.EmployerName ?? a.Form?.EmployerName : null,
            ["freeStudent"] = a.IsFreeStudent ? "Y" : "N",
            ["directedCounty"] = a.FreeStudentRecord?.DirectedCounty,
            ["exemptionRequested"] = a.ExemptionRequested ? "Y" : "N",
            ["trainingMonths"] = a.TrainingMonths ?? (a.Track == Track.ASSISTANT_GP ? cycle.StandardMonths.AssistantGp : cycle.StandardMonths.Residency),
            ["total"] = a.ExamResult?.Total,
        };
    }
}
