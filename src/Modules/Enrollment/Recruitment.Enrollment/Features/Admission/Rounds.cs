namespace Recruitment.Enrollment.Features.Admission;

internal sealed record RoundRequest(string? Kind, DateTimeOffset? Opens, DateTimeOffset? Closes);

internal sealed record PreferenceCell(string? BaseCode, string? SpecialtyCode, string? OtherSpecialty, bool EmployerConsent);

internal sealed record PreferencesRequest(Guid? RoundId, IReadOnlyList<PreferenceCell>? Preferences);

internal sealed record AllocationResult(Guid RoundId, int Applicants, int Allocated, IReadOnlyList<BlockingPair> BlockingPairs,
    IReadOnlyList<Vacancy> VacanciesAfter);

/// <summary>
/// Reallocation and supplementary rounds (ENR-53..ENR-56). The PHC opens a round with a window after the
/// proposal lock (POST /cycles/{year}/rounds); eligible applicants — passed, examined, not proposed —
/// state their acceptable cells in order (PUT /me/round-preferences), filtered by who may move where
/// (ENR-55); after the window the PHC allocates (POST /cycles/{year}/rounds/{roundId}/allocate) by deferred
/// acceptance over the vacancies only, and the result carries its blocking-pair check. Allocated
/// candidates become PROPOSED and go through the same review, re-check and publicity (ENR-56).
/// </summary>
internal sealed class RoundEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapPost("/api/enrollment/cycles/{year:int}/rounds", async (int year, RoundRequest request, HttpContext http, IEnrollmentStore store,
                TimeProvider clock, CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                await using var session = store.LightweightSession();
                var cycle = await ApplicationAccess.Cycle(session, year, ct);
                if (!Enum.TryParse<RoundKind>(request.Kind, ignoreCase: true, out var kind) || !Enum.IsDefined(kind)
                    || request.Opens is not { } opens || request.Closes is not { } closes || closes <= opens)
                    throw DomainException.Invalid("round.invalid", "kind (REALLOCATION or SUPPLEMENTARY), opens and a later closes are required.");
                if (!now.IsPast(cycle.Calendar.ProposedAdmissionLock))
                    throw new DomainException("round.before_lock", "Rounds fill the vacancies known at the proposal lock (ENR-51, ENR-53).");
                var round = new Round { Id = Guid.CreateVersion7(), Year = year, Kind = kind, Opens = opens, Closes = closes, OpenedBy = http.User.Actor() };
                session.Insert(round);
                await session.SaveChangesAsync(ct);
                return Results.Created($"/api/enrollment/cycles/{year}/rounds/{round.Id}", round);
            })
            .RequireAuthorization(Policies.PhcAdmin).WithTags("Enrollment: rounds");

        app.MapPut("/api/enrollment/me/round-preferences", async (PreferencesRequest request, HttpContext http, IEnrollmentStore store, TimeProvider clock,
                CancellationToken ct) =>
            {
                var now = clock.GetUtcNow();
                await using var session = store.LightweightSession();
                var a = await ApplicationAccess.Own(session, http.User.AccountId(), null, ct);
                var round = request.RoundId is { } id ? await session.LoadAsync<Round>(id, ct) : null;
                if (round is null || round.Year != a.Year) throw DomainException.NotFound("round.not_found", "No such round in your cycle.");
                if (now < round.Opens || now >= round.Closes || round.AllocatedAt is not null)
                    throw new DomainException("round.closed", $"The round accepts preferences from {round.Opens:O} until {round.Closes:O}.");
                if (a.Status != ApplicationStatus.NOT_PROPOSED || !a.IsPassing)
                    throw new DomainException("round.not_eligible", "Only candidates who passed and were not proposed take part in a round (ENR-54, ENR-55).");
                var cycle = (await session.LoadAsync<RecruitmentCycle>(a.Year, ct))!;
                if (request.Preferences?.Any(p => p is null) == true)
                    throw DomainException.Invalid("round.invalid_preferences", "preferences are cells, without nulls.");
                var cells = (request.Preferences ?? []).Select(p => Validate(p, a, round, cycle)).ToList();
                if (cells.Count == 0 || cells.Distinct().Count() != cells.Count)
                    throw DomainException.Invalid("round.invalid_preferences", "State at least one cell, each once, in order of preference.");
                session.Store(new RoundPreferences { Id = RoundPreferences.IdFor(round.Id, a.Id), RoundId = round.Id, ApplicationId = a.Id, Cells = cells, SubmittedAt = now });
                await session.SaveChangesAsync(ct);
                return new { roundId = round.Id, cells };
            })
            .RequireAuthorization(Policies.Applicant).WithTags("Enrollment: rounds");

        app.MapPost("/api/enrollment/cycles/{year:int}/rounds/{roundId:guid}/allocate", (int year, Guid roundId, HttpContext http, IEnrollmentStore store,
                TimeProvider clock, CancellationToken ct) => OptimisticRetry.RunAsync(() => AllocateAsync(year, roundId, http.User.Actor(), store, clock.GetUtcNow(), ct)))
            .RequireAuthorization(Policies.PhcAdmin).WithTags("Enrollment: rounds");
    }

    /// <summary>ENR-55: who may move where. The preference itself is the applicant's consent to another base.</summary>
    private static string Validate(PreferenceCell p, Application a, Round round, RecruitmentCycle cycle)
    {
        var baseCode = p.BaseCode?.Trim().ToUpperInvariant() ?? "";
        var specialty = p.SpecialtyCode?.Trim().ToUpperInvariant() ?? "";
        var other = specialty == Eligibility.Other ? p.OtherSpecialty?.Trim() : null;
        if (!cycle.Bases.Any(b => b.Code == baseCode)) throw DomainException.Invalid("round.unknown_cell", $"{baseCode} is not a base of {cycle.Id}.");
        if (a.Track == Track.ASSISTANT_GP)
        {
            if (round.Kind != RoundKind.SUPPLEMENTARY || baseCode != cycle.AssistantGp.BaseCode || specialty != AssistantGpForm.SpecialtyCode)
                throw new DomainException("round.move_not_allowed", "Assistant GP has one base: only its supplementary round, at that base (ENR-55).");
        }
        else if (a.IsFreeStudent && specialty != Eligibility.GeneralPractice)
            throw new DomainException("round.move_not_allowed", "Free students move only within General Practice (ENR-25, ENR-55).");
        else if (a.Category == Category.SPONSORED && (specialty != a.SpecialtyCode || other != a.OtherSpecialty))
            throw new DomainException("round.move_not_allowed", "A sponsored candidate keeps their specialty (ENR-27, ENR-55).");
        else if (a.Category == Category.SPONSORED && !a.IsFreeStudent && baseCode != a.BaseCode && !p.EmployerConsent)
            throw new DomainException("round.employer_consent_required", "Another base needs the employer's consent for a sponsored candidate (ENR-55).");
        return CellLedger.IdFor(cycle.Id, baseCode, specialty, other);
    }

    private static async Task<AllocationResult> AllocateAsync(int year, Guid roundId, string actor, IEnrollmentStore store, DateTimeOffset now,
        CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var cycle = await ApplicationAccess.Cycle(session, year, ct);
        var round = await session.LoadAsync<Round>(roundId, ct);
        if (round is null || round.Year != year) throw DomainException.NotFound("round.not_found", $"No round {roundId} in {year}.");
        if (round.AllocatedAt is not null) throw DomainException.Conflict("round.allocated", "The round is already allocated.");
        if (now < round.Closes) throw new DomainException("round.still_open", $"The round closes at {round.Closes:O}.");
        if (now.IsPast(cycle.Calendar.RefillUntil))
            throw new DomainException("round.refill_closed", $"Places are refilled until {cycle.Calendar.RefillUntil:O} (supplementary.closeAt, ENR-68).");

        var preferences = await session.Query<RoundPreferences>().Where(p => p.RoundId == roundId).ToListAsync(ct);
        var ids = preferences.Select(p => p.ApplicationId).ToArray();
        var eligible = (await session.Query<Application>().Where(a => ids.Contains(a.Id)).ToListAsync(ct))
            .Where(a => a.Status == ApplicationStatus.NOT_PROPOSED && a.IsPassing).ToDictionary(a => a.Id);
        var cells = await VacanciesEndpoint.CellsAsync(session, cycle, ct);
        var vacancies = cells.ToDictionary(c => c.CellId, c => c.Vacancies);
        var applicants = preferences.Where(p => eligible.ContainsKey(p.ApplicationId)).Select(p =>
        {
            var r = eligible[p.ApplicationId].ExamResult!;
            return new RoundApplicant(p.ApplicationId, r.Total, r.InterviewPart, r.Written, p.Cells);
        }).ToList();

        var assignment = DeferredAcceptance.Allocate(applicants, vacancies);
        var blocking = DeferredAcceptance.BlockingPairs(applicants, vacancies, assignment);
        var splits = (await session.Query<OtherSplit>().Where(s => s.Year == year).ToListAsync(ct)).ToDictionary(s => s.BaseCode);
        var ledgers = new Dictionary<string, CellLedger>();
        foreach (var (applicationId, cellId) in assignment)
        {
            var a = eligible[applicationId];
            var cell = cells.First(c => c.CellId == cellId);
            if (!ledgers.TryGetValue(cellId, out var ledger))
            {
                ledger = await session.LoadAsync<CellLedger>(cellId, ct);
                if (ledger is null)
                {
                    ledger = new CellLedger
                    {
                        Id = cellId,
                        Year = year,
                        BaseCode = cell.BaseCode,
                        SpecialtyCode = cell.SpecialtyCode,
                        OtherSpecialty = cell.OtherSpecialty,
                        Places = CellLedger.PlacesOf(cycle, splits.GetValueOrDefault(cell.BaseCode), a.Track, cell.BaseCode, cell.SpecialtyCode, cell.OtherSpecialty),
                    };
                    session.Insert(ledger);
                }
                else session.Store(ledger);
                ledgers[cellId] = ledger;
            }
            // The vacancies were read before this ledger: a place taken in between (a late report, a PHC proposal) makes the
            // whole allocation run again on fresh state rather than oversubscribe the cell (ENR-45, ENR-68).
            if (ledger.Holders.Count >= ledger.Places)
                throw new JasperFx.ConcurrencyException($"cell {cellId} filled during the allocation", new InvalidOperationException(cellId));
            ledger.Holders.Add(applicationId);
            var standard = a.Track == Track.ASSISTANT_GP ? cycle.StandardMonths.AssistantGp : cycle.StandardMonths.Residency;
            session.Events.Append(applicationId, a.Version + 1, new ProposalMade(new Proposal(cellId, cell.BaseCode, cell.SpecialtyCode, cell.OtherSpecialty,
                a.TrainingMonths ?? standard, PsychTest.NOT_REQUIRED, HealthCheck.PENDING, null, null, round.Id), actor, now));
        }
        round.AllocatedAt = now;
        round.Allocated = assignment.Count;
        round.BlockingPairs = [.. blocking];
        session.Store(round);
        await session.SaveChangesAsync(ct);
        return new AllocationResult(round.Id, applicants.Count, assignment.Count, blocking, await VacanciesEndpoint.CellsAsync(session, cycle, ct));
    }
}
