using Carter;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Recruitment.BuildingBlocks;
using Recruitment.Enrollment.Contracts;
using Recruitment.Examination.Contracts;
using Recruitment.Examination.Domain;
using Recruitment.Examination.Features.Imports;
using Wolverine;
using Wolverine.Marten;

namespace Recruitment.Examination.Features.Publication;

internal sealed record FinalizeRequest(int? Year, string? Track);

public sealed record FinalizeBase(int Year, Track Track, string BaseCode, string Actor);

public sealed record BaseFinalized(int Year, string Track, string BaseCode, int Published, int Unscored);

/// <summary>
/// POST /api/examination/bases/{baseCode}/finalize (the base or the center): the base marks its import
/// final for a track (EXAM-15). Every scored candidate's result goes to Enrollment as
/// <see cref="CandidateScored"/>, in the same transaction as the finalisation; later rows for the base are
/// refused and only the center corrects (EXAM-16).
/// </summary>
internal sealed class FinalizeBaseEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapPost("/api/examination/bases/{baseCode}/finalize", async (string baseCode, FinalizeRequest request, HttpContext http,
                IMessageBus bus, CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(baseCode);
                if (request.Year is not { } year) throw DomainException.Invalid("finalize.invalid", "year is required.");
                var track = request.Track is null ? Track.RESIDENCY
                    : Enum.TryParse<Track>(request.Track, ignoreCase: true, out var t) && Enum.IsDefined(t) ? t
                    : throw DomainException.Invalid("finalize.invalid", "track must be RESIDENCY or ASSISTANT_GP.");
                return await bus.InvokeAsync<BaseFinalized>(new FinalizeBase(year, track, baseCode, http.User.Actor()), ct);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin)
            .WithTags("Examination");
}

[MartenStore(typeof(IExaminationStore))]
public static class FinalizeBaseHandler
{
    public static async Task<BaseFinalized> Handle(FinalizeBase command, IDocumentSession session, IExaminationStore store, IMessageContext bus,
        TimeProvider clock, CancellationToken ct)
    {
        // Serialised with imports and corrections (the import lock), and committed before the lock is let go: no
        // import can score a candidate of this base between the snapshot below and the finalisation.
        await using var importLock = await ImportLock.AcquireAsync(store, ct);
        var now = clock.GetUtcNow();
        var id = Finalization.IdFor(command.Year, command.Track, command.BaseCode);
        if (await session.LoadAsync<Finalization>(id, ct) is not null)
            throw DomainException.Conflict("finalize.already_final", $"{command.BaseCode} already finalised its {command.Track} import for {command.Year}.");
        session.Insert(new Finalization
        {
            Id = id, Year = command.Year, Track = command.Track, BaseCode = command.BaseCode, FinalizedBy = command.Actor, FinalizedAt = now,
        });

        var entries = await session.Query<RosterEntry>()
            .Where(e => e.Year == command.Year && e.Track == command.Track && e.BaseCode == command.BaseCode && e.Status == RosterStatus.ROSTERED)
            .ToListAsync(ct);
        var published = 0;
        foreach (var entry in entries.Where(e => e.Score is not null))
        {
            // Published through the session's outbox: stored in the same transaction as the finalisation.
            await bus.PublishAsync(Publish(entry, session, now));
            published++;
        }
        await session.SaveChangesAsync(ct);
        return new BaseFinalized(command.Year, command.Track.ToString(), command.BaseCode, published, entries.Count - published);
    }

    /// <summary>A new revision of the candidate's result for Enrollment; the entry remembers the revision.</summary>
    internal static CandidateScored Publish(RosterEntry entry, IDocumentSession session, DateTimeOffset now)
    {
        entry.Revision++;
        session.Store(entry);
        var s = entry.Score!;
        var t = entry.Totals!;
        return new CandidateScored(entry.Id, entry.Year, entry.Track, entry.BaseCode, s.Theory, s.Skill, s.Interview, s.Result.ToString(),
            s.AbsentComponents.Select(c => c.ToString()).ToList(), t.Written, t.Interview, t.Total, t.Passed, t.Absent, entry.Revision, now);
    }
}
