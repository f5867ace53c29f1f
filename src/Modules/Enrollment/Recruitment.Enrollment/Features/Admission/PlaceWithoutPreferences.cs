namespace Recruitment.Enrollment.Features.Admission;

public sealed record PlacementRequest(Guid? RoundId, string? SpecialtyCode, string? OtherSpecialty, string? Reason);

public sealed record PlaceWithoutPreferences(Guid ApplicationId, Caller Caller, PlacementRequest Request);

/// <summary>
/// POST /api/enrollment/applications/{applicationId}/placement (the PHC only): an independent applicant accepted
/// provincial specialty reallocation when applying (ENR-28), so one who passed, was not proposed and stated no
/// preferences in a round may still be placed by the PHC in a vacancy at their own base, in any specialty it offers,
/// with a reason (ENR-55: another specialty at the same base needs no further consent; another base would). The
/// place is taken in the cell's ledger under optimistic concurrency like a round's allocation (ENR-45, ENR-68), and
/// the candidate goes through the same center review, re-check and publicity (ENR-56).
/// </summary>
internal sealed class PlaceWithoutPreferencesEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/enrollment/applications/{applicationId:guid}/placement", (Guid applicationId, PlacementRequest body, Caller caller,
                IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<ApplicationResult>(new PlaceWithoutPreferences(applicationId, caller, body), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.PhcAdmin).WithTags("Enrollment: rounds");
}

[MartenStore(typeof(IEnrollmentStore))]
public static class PlaceWithoutPreferencesHandler
{
    public static async Task<Outcome<ApplicationResult>> Handle(PlaceWithoutPreferences command, IDocumentSession session, TimeProvider clock,
        CancellationToken ct)
    {
        var r = command.Request;
        if (!command.Caller.Is(Roles.PhcAdmin)) return Refusal.Forbidden("placement.phc_only", "Only the PHC places a candidate who stated no preferences (ENR-55).");
        var reason = r.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 2000)
            return Refusal.Invalid("placement.reason_required", "A placement states its reason (at most 2,000 characters, ENR-55).");
        var stream = await session.Events.FetchForWriting<Application>(command.ApplicationId, ct);
        if (stream.Aggregate is not { } a) return Refusal.NotFound("application.not_found", $"No application {command.ApplicationId}.");
        if (a.Track != Track.RESIDENCY || a.Category != Category.INDEPENDENT || a.IsFreeStudent || a.Choice?.AcceptsReallocation != true)
            return new Refusal("placement.not_reallocatable",
                "Only an independent applicant who accepted specialty reallocation is placed without preferences (ENR-28, ENR-55).");
        if (a.Status != ApplicationStatus.NOT_PROPOSED || !a.IsPassing)
            return Refusal.Conflict("placement.invalid_status",
                $"A candidate who passed and was not proposed is placed (ENR-54, ENR-55); this application is {a.Status}.");

        var now = clock.GetUtcNow();
        var round = r.RoundId is { } roundId ? await session.LoadAsync<Round>(roundId, ct) : null;
        if (round is null || round.Year != a.Year) return Refusal.NotFound("round.not_found", "No such round in the candidate's cycle.");
        if (now < round.Closes)
            return new Refusal("placement.round_open", $"The round takes preferences until {round.Closes:O}; a candidate without preferences is placed after that (ENR-55).");
        if (await session.LoadAsync<RoundPreferences>(RoundPreferences.IdFor(round.Id, a.Id), ct) is not null)
            return Refusal.Conflict("placement.has_preferences", "The candidate stated preferences in this round; the round's allocation places them (ENR-55).");
        var cycle = (await session.LoadAsync<RecruitmentCycle>(a.Year, ct))!;
        if (now.IsPast(cycle.Calendar.RefillUntil))
            return new Refusal("round.refill_closed", $"Places are refilled until {cycle.Calendar.RefillUntil:O} (supplementary.closeAt, ENR-68).");

        var specialty = r.SpecialtyCode?.Trim().ToUpperInvariant() ?? "";
        var other = specialty == Eligibility.Other ? r.OtherSpecialty?.Trim() : null;
        var split = specialty == Eligibility.Other ? await session.LoadAsync<OtherSplit>(OtherSplit.IdFor(a.Year, a.BaseCode), ct) : null;
        var places = CellLedger.PlacesOf(cycle, split, a.Track, a.BaseCode, specialty, other);
        if (places <= 0)
        {
            var cellName = other is null ? specialty : $"{specialty}/{other}";
            return Refusal.Invalid("placement.unknown_cell", $"{a.BaseCode} offers no places in {cellName}; the placement stays at the candidate's base (ENR-55).");
        }
        var cellId = CellLedger.IdFor(a.Year, a.BaseCode, specialty, other);
        var stored = await session.LoadAsync<CellLedger>(cellId, ct);
        var ledger = stored ?? new CellLedger { Id = cellId, Year = a.Year, BaseCode = a.BaseCode, SpecialtyCode = specialty, OtherSpecialty = other, Places = places };
        if (ledger.Holders.Count >= ledger.Places)
            return Refusal.Conflict("placement.no_vacancy", $"{cellId} has no vacancy ({ledger.Places} of {ledger.Places} held; ENR-45, ENR-68).");
        ledger.Holders.Add(a.Id);
        // Optimistic either way: a racing first holder of the cell fails one insert, a racing taker one update; the retry decides again.
        if (stored is null) session.Insert(ledger);
        else session.Store(ledger);
        var standard = cycle.StandardMonths.Residency;
        stream.AppendOne(new PlacedByPhc(new Proposal(cellId, a.BaseCode, specialty, other, a.TrainingMonths ?? standard, PsychTest.NOT_REQUIRED,
            HealthCheck.PENDING, null, null, round.Id), reason, command.Caller.Actor, now));
        return new ApplicationResult(a.Id, nameof(ApplicationStatus.PROPOSED));
    }
}
