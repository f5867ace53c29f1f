using Recruitment.Notifications.Contracts;

namespace Recruitment.Examination.Features.Publication;

/// <summary><paramref name="Reason"/>: why the center finalises on a base's behalf (ENR-70); a base finalising its own import gives none.</summary>
public sealed record FinalizeRequest(int? Year, string? Track, string? Reason = null);

public sealed record FinalizeBase(string BaseCode, Caller Caller, FinalizeRequest Request);

public sealed record BaseFinalized(int Year, string Track, string BaseCode, int Published, int Unscored);

/// <summary>
/// POST /api/examination/bases/{baseCode}/finalize (the base or the center): the base marks its import
/// final for a track (EXAM-15). Every scored candidate's result goes to Enrollment as
/// <see cref="CandidateScored"/>, in the same transaction as the finalisation; later rows for the base are
/// refused and only the center corrects (EXAM-16). The center may finalise on a base's behalf, with a reason (ENR-70);
/// GET /api/examination/cycles/{year}/unfinalised lists the bases it would do it for.
/// </summary>
internal sealed class FinalizeBaseEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.ExaminationApi().MapPost("/bases/{baseCode}/finalize", (string baseCode, FinalizeRequest request, Caller caller, IMessageBus bus,
                CancellationToken ct) => bus.SendAsync<BaseFinalized>(new FinalizeBase(baseCode.ToUpperInvariant(), caller, request), ct))
            .RequireAuthorization(Policies.BaseOrCenterAdmin);
}

[MartenStore(typeof(IExaminationStore))]
public static class FinalizeBaseHandler
{
    public static async Task<Outcome<BaseFinalized>> Handle(FinalizeBase command, IDocumentSession session, IExaminationStore store,
        IMessageContext bus, TimeProvider clock, CancellationToken ct)
    {
        if (command.Caller.ActsForBase(command.BaseCode) is { } forbidden) return forbidden;
        var onBehalf = command.Caller.Is(Roles.CenterAdmin);
        if (onBehalf && string.IsNullOrWhiteSpace(command.Request.Reason))
            return Refusal.Invalid("finalize.reason_required", "The center finalises on a base's behalf with a reason (ENR-70).");
        if (command.Request.Year is not { } year) return Refusal.Invalid("finalize.invalid", "year is required.");
        var track = Track.RESIDENCY;
        if (command.Request.Track is { } named && Filters.Parse<Track>(named, "track", "finalize.invalid").Refused(out _, out track))
            return Refusal.Invalid("finalize.invalid", "track must be RESIDENCY or ASSISTANT_GP.");

        // Serialised with imports and corrections (the import lock), and committed before the lock is let go: no
        // import can score a candidate of this base between the snapshot below and the finalisation.
        await using var importLock = await ImportLock.AcquireAsync(store, ct);
        var now = clock.GetUtcNow();
        var id = Finalization.IdFor(year, track, command.BaseCode);
        if (await session.LoadAsync<Finalization>(id, ct) is not null)
            return Refusal.Conflict("finalize.already_final", $"{command.BaseCode} already finalised its {track} import for {year}.");
        session.Insert(new Finalization
        {
            Id = id,
            Year = year,
            Track = track,
            BaseCode = command.BaseCode,
            FinalizedBy = command.Caller.Actor,
            FinalizedAt = now,
            OnBehalfReason = onBehalf ? command.Request.Reason!.Trim() : null,
        });

        var entries = await session.Query<RosterEntry>()
            .Where(e => e.Year == year && e.Track == track && e.BaseCode == command.BaseCode && e.Status == RosterStatus.ROSTERED)
            .ToListAsync(ct);
        var published = 0;
        foreach (var entry in entries.Where(e => e.Score is not null))
        {
            // Published through the session's outbox: stored in the same transaction as the finalisation.
            await bus.PublishAsync(ResultPublication.Publish(entry, session, now));
            // The candidate hears of it from here, the module that publishes (later corrections keep the same key: told once).
            if (entry.ApplicantId is { } applicant)
                await bus.PublishAsync(new NotifyAccount(applicant, NotificationTemplates.ResultsPublished,
                    new Dictionary<string, string> { ["year"] = year.ToString(CultureInfo.InvariantCulture) }, "/me/status", $"results:{entry.Id}"));
            published++;
        }
        await session.SaveChangesAsync(ct);
        return new BaseFinalized(year, track.ToString(), command.BaseCode, published, entries.Count - published);
    }
}
