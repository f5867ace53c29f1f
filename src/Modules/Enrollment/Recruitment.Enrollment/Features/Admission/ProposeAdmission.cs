namespace Recruitment.Enrollment.Features.Admission;

internal sealed record ProposalRequest(int? TrainingMonths, string? PsychTest, string? HealthCheck, string? SkipReason, string? HealthReason);

internal sealed record ProposalResult(Guid ApplicationId, string Status, string CellId, int TrainingMonths, int Vacancies);

/// <summary>
/// POST / DELETE /api/enrollment/applications/{applicationId}/proposal: the base proposes a passing
/// candidate for admission (ENR-43, ENR-44), with the training months (standard, or the reduced months
/// of an exemption: ENR-47, EXM-09) and the psych test and health check (ENR-61). Passing over a
/// higher-ranked candidate of the same cell needs a reason (ENR-46). The cell's places are taken in the
/// same transaction under optimistic concurrency, so no cell is ever oversubscribed (ENR-45); after the
/// lock only the center or the PHC may change proposals (ENR-50).
/// </summary>
internal sealed class ProposeAdmissionEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/api/enrollment/applications/{applicationId:guid}/proposal";
        app.MapPost(route, (Guid applicationId, ProposalRequest request, HttpContext http, IEnrollmentStore store, TimeProvider clock,
                CancellationToken ct) => OptimisticRetry.RunAsync(() => ProposeAsync(applicationId, request, http.User, store, clock.GetUtcNow(), ct)))
            .RequireAuthorization(Policies.AdmissionStaff).WithTags("Enrollment: admission");
        app.MapDelete(route, (Guid applicationId, HttpContext http, IEnrollmentStore store, TimeProvider clock, CancellationToken ct) =>
                OptimisticRetry.RunAsync(() => WithdrawAsync(applicationId, http.User, store, clock.GetUtcNow(), ct)))
            .RequireAuthorization(Policies.AdmissionStaff).WithTags("Enrollment: admission");
    }

    private static async Task<ProposalResult> ProposeAsync(Guid applicationId, ProposalRequest request, ClaimsPrincipal user, IEnrollmentStore store,
        DateTimeOffset now, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var (stream, a, cycle) = await OpenAsync(session, applicationId, user, now, ct);
        if (a.Status == ApplicationStatus.PROPOSED) throw DomainException.Conflict("proposal.already_proposed", "The candidate is already proposed.");
        if (a.Status is not (ApplicationStatus.EXAMINED or ApplicationStatus.NOT_PROPOSED) || !a.IsPassing)
            throw new DomainException("proposal.not_passing", $"Only examined candidates who passed may be proposed (ENR-44, EXAM-13); this one is {a.Status}.");

        var psych = Parse(request.PsychTest, PsychTest.NOT_REQUIRED, "psychTest");
        var health = Parse(request.HealthCheck, HealthCheck.PASS, "healthCheck");
        if ((psych == PsychTest.FAIL || health == HealthCheck.FAIL) && string.IsNullOrWhiteSpace(request.HealthReason))
            throw DomainException.Invalid("proposal.fail_reason_required", "Admitting after a failed psych test or health check needs a reason (ENR-61).");
        var months = Months(a, cycle, request.TrainingMonths);

        var ledger = await CellLedgers.ForAsync(session, cycle, a, ct);
        var higher = await HigherRankedWaitingAsync(session, a, ct);
        if (higher > 0 && string.IsNullOrWhiteSpace(request.SkipReason))
            throw new DomainException("proposal.skip_reason_required",
                $"{higher} higher-ranked candidate(s) of this cell are not proposed; give a reason for choosing this one (ENR-46).");
        if (ledger.Vacancies == 0)
            throw new DomainException("quota.exhausted", $"{ledger.Id} has no place left ({ledger.Places} of {ledger.Places} proposed; ENR-45).");

        ledger.Holders.Add(a.Id);
        session.Store(ledger);
        stream.AppendOne(new ProposalMade(new Proposal(ledger.Id, a.BaseCode, a.SpecialtyCode, a.OtherSpecialty, months, psych, health,
            request.SkipReason?.Trim(), request.HealthReason?.Trim(), null), user.Actor(), now));
        await session.SaveChangesAsync(ct);
        return new ProposalResult(a.Id, nameof(ApplicationStatus.PROPOSED), ledger.Id, months, ledger.Vacancies);
    }

    private static async Task<ProposalResult> WithdrawAsync(Guid applicationId, ClaimsPrincipal user, IEnrollmentStore store, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var (stream, a, cycle) = await OpenAsync(session, applicationId, user, now, ct);
        if (a.Status != ApplicationStatus.PROPOSED) throw ApplicationAccess.WrongStatus(a, "withdraw the proposal of", ApplicationStatus.PROPOSED);
        var cellId = a.Proposal!.CellId;
        var ledger = await CellLedgers.ReleaseAsync(session, a, ct);
        stream.AppendOne(new ProposalWithdrawn(user.Actor(), now));
        await session.SaveChangesAsync(ct);
        return new ProposalResult(a.Id, nameof(ApplicationStatus.EXAMINED), cellId, 0, ledger?.Vacancies ?? 0);
    }

    /// <summary>
    /// The application for a proposal change, by staff who act for its base; ENR-50: the base changes proposals
    /// until the lock, afterwards only the center or the PHC, with audit (the event names them).
    /// </summary>
    private static async Task<(IEventStream<Application>, Application, RecruitmentCycle)> OpenAsync(IDocumentSession session, Guid applicationId,
        ClaimsPrincipal user, DateTimeOffset now, CancellationToken ct)
    {
        var stream = await session.Events.FetchForWriting<Application>(applicationId, ct);
        var a = stream.Aggregate ?? throw DomainException.NotFound("application.not_found", $"No application {applicationId}.");
        user.EnsureActsForBase(a.BaseCode);
        var cycle = (await session.LoadAsync<RecruitmentCycle>(a.Year, ct))!;
        if (now.IsPast(cycle.Calendar.ProposedAdmissionLock) && user.IsInRole(Roles.BaseAdmin))
            throw new DomainException("proposal.locked", $"Proposals locked at {cycle.Calendar.ProposedAdmissionLock:O}; only the center or the PHC may change them (ENR-50).");
        return (stream, a, cycle);
    }

    /// <summary>ENR-47 with EXM-09: standard months, or the reduced months of a requester; the center's determination overrides.</summary>
    private static int Months(Application a, RecruitmentCycle cycle, int? requested)
    {
        var standard = a.Track == Track.ASSISTANT_GP ? cycle.StandardMonths.AssistantGp : cycle.StandardMonths.Residency;
        if (a.Exemption is { Approved: true } decided) return decided.TrainingMonths;
        if (!a.ExemptionRequested || a.Exemption is { Approved: false })
            return requested is null || requested == standard ? standard
                : throw DomainException.Invalid("proposal.invalid_training_months", $"Without an approved exemption the training lasts the standard {standard} months (ENR-47).");
        return requested is { } months && months > 0 && months <= standard ? months
            : throw DomainException.Invalid("proposal.invalid_training_months", $"An exemption requester's months are whole months from 1 to {standard} (ENR-47).");
    }

    private static async Task<int> HigherRankedWaitingAsync(IQuerySession session, Application a, CancellationToken ct)
    {
        var cell = await session.Query<Application>()
            .Where(x => x.Year == a.Year && x.BaseCode == a.BaseCode && x.SpecialtyCode == a.SpecialtyCode && x.Track == a.Track
                        && (x.Status == ApplicationStatus.EXAMINED || x.Status == ApplicationStatus.NOT_PROPOSED))
            .ToListAsync(ct);
        return cell.Count(x => x.Id != a.Id && x.IsPassing && x.OtherSpecialty == a.OtherSpecialty && Ranking.Scores(x.ExamResult!, a.ExamResult!) < 0);
    }

    private static T Parse<T>(string? value, T fallback, string name) where T : struct, Enum =>
        value is null ? fallback
        : Enum.TryParse<T>(value, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
        : throw DomainException.Invalid("proposal.invalid_value", $"{name} must be one of {string.Join(", ", Enum.GetNames<T>())}.");
}
