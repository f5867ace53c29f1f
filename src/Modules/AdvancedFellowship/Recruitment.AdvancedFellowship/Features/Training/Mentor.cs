namespace Recruitment.AdvancedFellowship.Features.Training;

public sealed record MentorRequest(string? StaffNo, string? Name, MentorTitle? Title, string? Department, string? Reason);

public sealed record AssignMentor(Guid FellowId, string Actor, MentorRequest Request);

public sealed record EndMentor(Guid FellowId, string Actor, string? Reason);

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
        var route = "/api/advanced-fellowship/fellows/{fellowId:guid}/mentor";
        app.MapPut(route, async (Guid fellowId, MentorRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() => bus.InvokeAsync<FellowshipResult>(new AssignMentor(fellowId, user.Actor(), request), ct)))
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: training");
        app.MapDelete(route, async (Guid fellowId, string? reason, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
                await OptimisticRetry.RunAsync(() => bus.InvokeAsync<FellowshipResult>(new EndMentor(fellowId, user.Actor(), reason), ct)))
            .RequireAuthorization(Policies.FellowshipAdmin).WithTags("AdvancedFellowship: training");
    }
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class AssignMentorHandler
{
    public static async Task<FellowshipResult> Handle(AssignMentor command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var r = command.Request;
        var (stream, f) = await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.REPORTED, FellowshipStatus.IN_TRAINING);
        var staffNo = MentorRoster.Normalise(FellowStreams.Text(r.StaffNo, "mentor.invalid", "staffNo"));
        var name = FellowStreams.Text(r.Name, "mentor.invalid", "name");
        var department = FellowStreams.Text(r.Department, "mentor.invalid", "department");
        var title = r.Title ?? throw DomainException.Invalid("mentor.invalid", "title is required (ATTENDING, ASSOCIATE_CHIEF or CHIEF).");
        var cycle = await FellowshipAccess.Cycle(session, f.Year, ct);

        if (f.Mentor is { } current)
        {
            if (current.StaffNo == staffNo) return new FellowshipResult(f.Id, f.Status.ToString());
            throw DomainException.Conflict("mentor.already_assigned",
                $"The fellow's mentor is {current.Name} ({current.StaffNo}); a fellow has exactly one active mentor, so end that supervision first (FEL-18).");
        }
        if (title < cycle.MentorMinimumTitle)
            throw new DomainException("mentor.not_senior", $"A mentor is a senior physician: {cycle.MentorMinimumTitle} or above (FEL-18).");

        var roster = await session.Events.FetchForWriting<MentorRoster>(MentorRoster.IdFor(staffNo), ct);
        var supervising = roster.Aggregate?.Fellows.Count(id => id != f.Id) ?? 0;
        if (supervising >= cycle.MentorMaxFellows)
            throw new DomainException("mentor.at_capacity",
                $"{name} ({staffNo}) already supervises {supervising} fellow(s); one-to-one supervision allows {cycle.MentorMaxFellows} (FEL-18).");
        roster.AppendOne(new MentorTookFellow(staffNo, f.Id, command.Actor, now));
        stream.AppendOne(new MentorAssigned(new MentorAssignment(staffNo, name, title, department, ChinaTime.Date(now)), r.Reason?.Trim(),
            command.Actor, now));
        FellowStreams.StartTrainingIfReady(stream, f, hasMentor: true, f.Rotation, command.Actor, now);
        return new FellowshipResult(f.Id, f.Status == FellowshipStatus.REPORTED && f.Rotation.Count > 0
            ? nameof(FellowshipStatus.IN_TRAINING) : f.Status.ToString());
    }
}

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class EndMentorHandler
{
    public static async Task<FellowshipResult> Handle(EndMentor command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var (stream, f) = await FellowStreams.FetchAsync(session, command.FellowId, ct, FellowshipStatus.REPORTED, FellowshipStatus.IN_TRAINING);
        var reason = FellowStreams.Text(command.Reason, "mentor.reason_required", "reason");
        var mentor = f.Mentor ?? throw DomainException.NotFound("mentor.not_assigned", "The fellow has no active mentor.");
        await FellowStreams.ReleaseMentorAsync(session, f, reason, command.Actor, now, ct);
        stream.AppendOne(new MentorEnded(mentor.StaffNo, reason, command.Actor, now));
        return new FellowshipResult(f.Id, f.Status.ToString());
    }
}
