namespace Recruitment.AdvancedFellowship.Features.Training;

public sealed record MentorRequest(string? StaffNo, string? Name, MentorTitle? Title, string? Department, string? Reason);

public sealed record AssignMentor(Guid FellowId, Caller Caller, MentorRequest Request);

public sealed record EndMentor(Guid FellowId, Caller Caller, string? Reason);

/// <summary>
/// PUT /api/advanced-fellowship/fellows/{fellowId}/mentor (admin): the fellow's one senior mentor, one-to-one (FEL-18).
/// Refused: a title below the cycle's minimum (associate chief), a mentor already supervising the configured number
/// of fellows (one), and a second active mentor (end the first with DELETE and a reason). Assigning the same mentor
/// again changes nothing. With a rotation plan in place the fellow is IN_TRAINING.
/// </summary>
internal sealed class MentorEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/fellows/{fellowId:guid}/mentor";
        var api = app.FellowshipApi("training");
        api.MapPut(route, (Guid fellowId, MentorRequest request, Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<FellowshipResult>(new AssignMentor(fellowId, caller, request), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.FellowshipAdmin);
        api.MapDelete(route, (Guid fellowId, string? reason, Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<FellowshipResult>(new EndMentor(fellowId, caller, reason), ct, retryOnConflict: true))
            .RequireAuthorization(Policies.FellowshipAdmin);
    }
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class AssignMentorHandler
{
    public static async Task<Outcome<FellowshipResult>> Handle(AssignMentor command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        if ((await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.REPORTED, FellowshipStatus.IN_TRAINING)).Refused(out var refused, out var fetched)) return refused;
        var (stream, f) = fetched;
        if (FellowStreams.Text(r.StaffNo, "mentor.invalid", "staffNo").Refused(out var no0, out var staffText)) return no0;
        var staffNo = MentorRoster.Normalise(staffText);
        if (FellowStreams.Text(r.Name, "mentor.invalid", "name").Refused(out var no1, out var name)) return no1;
        if (FellowStreams.Text(r.Department, "mentor.invalid", "department").Refused(out var no2, out var department)) return no2;
        if (r.Title is not { } title) return Refusal.Invalid("mentor.invalid", "title is required (ATTENDING, ASSOCIATE_CHIEF or CHIEF).");
        if ((await FellowshipAccess.CycleOf(session, f.Year, ct)).Refused(out var noCycle, out var cycle)) return noCycle;

        if (f.Mentor is { } current)
        {
            if (current.StaffNo == staffNo) return new FellowshipResult(f.Id, f.Status.ToString());
            return Refusal.Conflict("mentor.already_assigned",
                $"The fellow's mentor is {current.Name} ({current.StaffNo}); a fellow has exactly one active mentor, so end that supervision first (FEL-18).");
        }
        if (title < cycle.MentorMinimumTitle)
            return new Refusal("mentor.not_senior", $"A mentor is a senior physician: {cycle.MentorMinimumTitle} or above (FEL-18).");

        var roster = await session.Events.FetchForWriting<MentorRoster>(MentorRoster.IdFor(staffNo), ct);
        var supervising = roster.Aggregate?.Fellows.Count(id => id != f.Id) ?? 0;
        if (supervising >= cycle.MentorMaxFellows)
            return new Refusal("mentor.at_capacity",
                $"{name} ({staffNo}) already supervises {supervising} fellow(s); one-to-one supervision allows {cycle.MentorMaxFellows} (FEL-18).");
        roster.AppendOne(new MentorTookFellow(staffNo, f.Id, command.Caller.Actor, now));
        stream.AppendOne(new MentorAssigned(new MentorAssignment(staffNo, name, title, department, ChinaTime.Date(now)), r.Reason?.Trim(),
            command.Caller.Actor, now));
        FellowStreams.StartTrainingIfReady(stream, f, hasMentor: true, f.Rotation, command.Caller.Actor, now);
        return new FellowshipResult(f.Id, f.Status == FellowshipStatus.REPORTED && f.Rotation.Count > 0
            ? nameof(FellowshipStatus.IN_TRAINING) : f.Status.ToString());
    }
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class EndMentorHandler
{
    public static async Task<Outcome<FellowshipResult>> Handle(EndMentor command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if ((await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.REPORTED, FellowshipStatus.IN_TRAINING)).Refused(out var refused, out var fetched)) return refused;
        var (stream, f) = fetched;
        if (FellowStreams.Text(command.Reason, "mentor.reason_required", "reason").Refused(out var no3, out var reason)) return no3;
        if (f.Mentor is not { } mentor) return Refusal.NotFound("mentor.not_assigned", "The fellow has no active mentor.");
        await FellowStreams.ReleaseMentorAsync(session, f, reason, command.Caller.Actor, now, ct);
        stream.AppendOne(new MentorEnded(mentor.StaffNo, reason, command.Caller.Actor, now));
        return new FellowshipResult(f.Id, f.Status.ToString());
    }
}
