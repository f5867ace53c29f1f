using Carter;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Recruitment.BuildingBlocks;
using Recruitment.Enrollment.Contracts;
using Recruitment.Examination.Domain;

namespace Recruitment.Examination.Features.Sessions;

internal sealed record SessionRequest(string? Track, string? Kind, string? BaseCode, DateTimeOffset? Start, DateTimeOffset? End, string? Place, string? Notes);

/// <summary>
/// GET /api/examination/cycles/{year}/sessions (anyone) and POST (staff): the exam timetable. The center
/// publishes the residency written exam (EXAM-02); each base its own interviews; the assistant-GP base
/// both assistant-GP sittings (EXAM-05). The seed announces dates separately, so none ship as data.
/// </summary>
internal sealed class ExamSessionEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/api/examination/cycles/{year:int}/sessions";
        app.MapGet(route, async (int year, IExaminationStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            return await session.Query<ExamSession>().Where(s => s.Year == year).OrderBy(s => s.Start).ToListAsync(ct);
        }).AllowAnonymous().WithTags("Examination");

        app.MapPost(route, async (int year, SessionRequest request, HttpContext http, IExaminationStore store, TimeProvider clock,
            CancellationToken ct) =>
        {
            await using var session = store.LightweightSession();
            var cycle = await session.LoadAsync<ExamCycle>(year, ct)
                        ?? throw DomainException.NotFound("cycle.not_found", $"No recruitment cycle for {year}.");
            var exam = Validate(request, cycle, http);
            exam.Year = year;
            exam.PublishedBy = http.User.Actor();
            exam.PublishedAt = clock.GetUtcNow();
            session.Store(exam);
            await session.SaveChangesAsync(ct);
            return Results.Created($"/api/examination/cycles/{year}/sessions", exam);
        }).RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Examination");
    }

    private static ExamSession Validate(SessionRequest r, ExamCycle cycle, HttpContext http)
    {
        if (!Enum.TryParse<Track>(r.Track, out var track) || !Enum.TryParse<SessionKind>(r.Kind, out var kind))
            throw DomainException.Invalid("session.invalid", "track must be RESIDENCY or ASSISTANT_GP and kind WRITTEN or INTERVIEW.");
        if (r.Start is not { } start || r.End is not { } end || end <= start || string.IsNullOrWhiteSpace(r.Place))
            throw DomainException.Invalid("session.invalid", "start, a later end and the place are required.");
        var baseCode = r.BaseCode?.Trim().ToUpperInvariant();
        if (track == Track.RESIDENCY && kind == SessionKind.WRITTEN)
        {
            if (!http.User.IsInRole(Roles.CenterAdmin))
                throw DomainException.Forbidden("session.center_only", "The province's written exam is published by the center (EXAM-02).");
            baseCode = null;
        }
        else
        {
            var required = track == Track.ASSISTANT_GP ? cycle.AssistantGpBase : baseCode;
            if (required is null || !cycle.BaseCodes.Contains(required) || (baseCode is not null && baseCode != required))
                throw new DomainException("session.invalid_base",
                    track == Track.ASSISTANT_GP ? $"Assistant-GP exams are held by {cycle.AssistantGpBase} (EXAM-05)." : "An interview names its base.");
            baseCode = required;
            http.User.EnsureActsForBase(baseCode);
        }

        if (end > cycle.InterviewDeadline && kind == SessionKind.INTERVIEW)
            throw new DomainException("session.after_interview_deadline", $"Interviews are completed by {cycle.InterviewDeadline:O} (EXAM-08).");
        return new ExamSession { Id = Guid.NewGuid(), Track = track, Kind = kind, BaseCode = baseCode, Start = start, End = end,
            Place = r.Place.Trim(), Notes = r.Notes?.Trim() };
    }
}
