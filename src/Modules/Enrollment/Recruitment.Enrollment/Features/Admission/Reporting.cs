namespace Recruitment.Enrollment.Features.Admission;

internal sealed record DateRequest(DateOnly? Date);

internal sealed record TraineeRow(Guid ApplicationId, string Name, string SpecialtyCode, string? OtherSpecialty, string Category, string Status,
    DateOnly? ReportedOn, DateOnly? LabourContractDue, DateOnly? LabourContractSignedOn, bool LabourContractOverdue, bool ReportedLate = false);

/// <summary>
/// Reporting and the independent trainee's labour contract (ENR-60, ENR-62): POST
/// /applications/{id}/reporting and /applications/{id}/labour-contract (the base), and GET
/// /bases/{baseCode}/trainees, where a contract not signed within 14 days of reporting is flagged overdue.
/// </summary>
internal sealed class ReportingEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/enrollment/applications/{applicationId:guid}/reporting", (Guid applicationId, DateRequest request, HttpContext http,
                IEnrollmentStore store, TimeProvider clock, CancellationToken ct) =>
                RecordAsync(applicationId, request, http, store, clock, (a, date, actor, now) =>
                {
                    if (a.Status != ApplicationStatus.ADMITTED) throw ApplicationAccess.WrongStatus(a, "record the reporting of", ApplicationStatus.ADMITTED);
                    return new TraineeReported(date, actor, now);
                }, ct))
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: admission");

        app.MapPost("/api/enrollment/applications/{applicationId:guid}/labour-contract", (Guid applicationId, DateRequest request, HttpContext http,
                IEnrollmentStore store, TimeProvider clock, CancellationToken ct) =>
                RecordAsync(applicationId, request, http, store, clock, (a, date, actor, now) =>
                {
                    if (a.Status != ApplicationStatus.REPORTED || a.Category != Category.INDEPENDENT)
                        throw DomainException.Conflict("labour_contract.not_applicable", "The base signs a labour contract with an independent trainee who has reported (ENR-60).");
                    if (date < a.ReportedOn) throw DomainException.Invalid("labour_contract.invalid_date", "The contract is signed on or after reporting.");
                    return new LabourContractSigned(date, actor, now);
                }, ct))
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: admission");

        app.MapGet("/api/enrollment/bases/{baseCode}/trainees", async (string baseCode, int? year, bool? overdue, HttpContext http, IEnrollmentStore store,
                TimeProvider clock, CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(baseCode);
                await using var session = store.QuerySession();
                var cycle = await ApplicationAccess.Cycle(session, year, ct);
                var today = ChinaTime.Date(clock.GetUtcNow());
                var trainees = await session.Query<Application>()
                    .Where(a => a.Year == cycle.Id && a.BaseCode == baseCode
                                && (a.Status == ApplicationStatus.ADMITTED || a.Status == ApplicationStatus.REPORTED))
                    .OrderBy(a => a.Name).ToListAsync(ct);
                var rows = trainees.Select(a =>
                {
                    var due = a is { Category: Category.INDEPENDENT, ReportedOn: { } reported } ? reported.AddDays(cycle.Calendar.LabourContractDaysAfterReporting) : (DateOnly?)null;
                    return new TraineeRow(a.Id, a.Name, a.SpecialtyCode, a.OtherSpecialty, a.Category.ToString(), a.Status.ToString(), a.ReportedOn, due,
                        a.LabourContractSignedOn, due < today && a.LabourContractSignedOn is null, a.ReportedLate);
                });
                return rows.Where(r => overdue is null || r.LabourContractOverdue == overdue).ToList();
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Enrollment: admission");
    }

    private static async Task<ApplicationResult> RecordAsync(Guid applicationId, DateRequest request, HttpContext http, IEnrollmentStore store,
        TimeProvider clock, Func<Application, DateOnly, string, DateTimeOffset, IApplicationEvent> change, CancellationToken ct)
    {
        if (request.Date is not { } date) throw DomainException.Invalid("request.date_required", "date (yyyy-MM-dd) is required.");
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var stream = await session.Events.FetchForWriting<Application>(applicationId, ct);
        var a = stream.Aggregate ?? throw DomainException.NotFound("application.not_found", $"No application {applicationId}.");
        http.User.EnsureActsForBase(a.BaseCode);
        var e = change(a, date, http.User.Actor(), now);
        stream.AppendOne(e);
        await session.SaveChangesAsync(ct);
        a.On(e);
        return new ApplicationResult(a.Id, a.Status.ToString());
    }
}
