namespace Recruitment.Examination.Features.Sessions;

public sealed record SessionRequest(string? Track, string? Kind, string? BaseCode, DateTimeOffset? Start, DateTimeOffset? End, string? Place,
    string? Notes);

public sealed record PublishExamSession(int Year, Caller Caller, SessionRequest Request);

/// <summary>
/// GET /api/examination/cycles/{year}/sessions (anyone) and POST (staff): the exam timetable. The center
/// publishes the residency written exam (EXAM-02); each base its own interviews; the assistant-GP base
/// both assistant-GP sittings (EXAM-05). The seed announces dates separately, so none ship as data.
/// </summary>
internal sealed class ExamSessionEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/cycles/{year:int}/sessions";
        var api = app.ExaminationApi();
        api.MapGet(route, async (int year, IExaminationStore store, CancellationToken ct) =>
        {
            await using var session = store.QuerySession();
            return await session.Query<ExamSession>().Where(s => s.Year == year).OrderBy(s => s.Start).ToListAsync(ct);
        }).AllowAnonymous();

        api.MapPost(route, (int year, SessionRequest request, Caller caller, IMessageBus bus, CancellationToken ct) =>
            bus.SendAsync<ExamSession>(new PublishExamSession(year, caller, request), ct,
                exam => Results.Created($"/api/examination/cycles/{year}/sessions", exam))).RequireAuthorization(Policies.BaseOrCenterAdmin);
    }
}

[MartenStore(typeof(IExaminationStore))]
public static class PublishExamSessionHandler
{
    public static async Task<Outcome<ExamSession>> Handle(PublishExamSession command, IDocumentSession session, TimeProvider clock,
        IMessageContext bus, CancellationToken ct)
    {
        if (await session.LoadAsync<ExamCycle>(command.Year, ct) is not { } cycle)
            return Refusal.NotFound("cycle.not_found", $"No recruitment cycle for {command.Year}.");
        if (Validate(command.Request, cycle, command.Caller).Refused(out var refused, out var exam)) return refused;
        exam.Year = command.Year;
        exam.PublishedBy = command.Caller.Actor;
        exam.PublishedAt = clock.GetUtcNow();
        session.Store(exam);
        await ExamSessionNotices.TellAsync(session, bus, exam, ct);
        return exam;
    }

    private static Outcome<ExamSession> Validate(SessionRequest r, ExamCycle cycle, Caller caller)
    {
        if (!Enum.TryParse<Track>(r.Track, out var track) || !Enum.TryParse<SessionKind>(r.Kind, out var kind))
            return Refusal.Invalid("session.invalid", "track must be RESIDENCY or ASSISTANT_GP and kind WRITTEN or INTERVIEW.");
        if (r.Start is not { } start || r.End is not { } end || end <= start || string.IsNullOrWhiteSpace(r.Place))
            return Refusal.Invalid("session.invalid", "start, a later end and the place are required.");
        var baseCode = r.BaseCode?.Trim().ToUpperInvariant();
        if (track == Track.RESIDENCY && kind == SessionKind.WRITTEN)
        {
            if (!caller.Is(Roles.CenterAdmin))
                return Refusal.Forbidden("session.center_only", "The province's written exam is published by the center (EXAM-02).");
            baseCode = null;
        }
        else
        {
            var required = track == Track.ASSISTANT_GP ? cycle.AssistantGpBase : baseCode;
            if (required is null || !cycle.BaseCodes.Contains(required) || (baseCode is not null && baseCode != required))
                return new Refusal("session.invalid_base",
                    track == Track.ASSISTANT_GP ? $"Assistant-GP exams are held by {cycle.AssistantGpBase} (EXAM-05)." : "An interview names its base.");
            baseCode = required;
            if (caller.ActsForBase(baseCode) is { } forbidden) return forbidden;
        }

        if (end > cycle.InterviewDeadline && kind == SessionKind.INTERVIEW)
            return new Refusal("session.after_interview_deadline", $"Interviews are completed by {cycle.InterviewDeadline:O} (EXAM-08).");
        return new ExamSession
        {
            Id = Guid.NewGuid(),
            Track = track,
            Kind = kind,
            BaseCode = baseCode,
            Start = start,
            End = end,
            Place = r.Place.Trim(),
            Notes = r.Notes?.Trim()
        };
    }
}
