namespace Recruitment.AdvancedFellowship.Features.Training;

/// <summary>How the training slices open a fellow for writing and guard the status they act in.</summary>
internal static class FellowStreams
{
    public static async Task<Outcome<(IEventStream<Fellowship> Stream, Fellowship Fellow)>> FetchAsync(IDocumentSession session, Guid fellowId,
        CancellationToken ct, params FellowshipStatus[] allowed)
    {
        var stream = await session.Events.FetchForWriting<Fellowship>(fellowId, ct);
        if (FellowshipAccess.Fellow(stream.Aggregate, fellowId).Refused(out var refused, out var f)) return refused;
        if (allowed.Length > 0 && !allowed.Contains(f.Status))
            return Refusal.Conflict("fellow.invalid_status",
                $"Not possible while the fellow is {f.Status}; the fellow must be {string.Join(" or ", allowed)}.");
        return (stream, f);
    }

    /// <summary>REPORTED -> IN_TRAINING as soon as the fellow has both a mentor and a rotation plan.</summary>
    public static void StartTrainingIfReady(IEventStream<Fellowship> stream, Fellowship f, bool hasMentor, IReadOnlyList<RotationBlock> plan,
        string actor, DateTimeOffset now)
    {
        if (f.Status == FellowshipStatus.REPORTED && hasMentor && plan.Count > 0)
            stream.AppendOne(new TrainingStarted(plan.Min(b => b.Start), plan.Max(b => b.End), actor, now));
    }

    /// <summary>Ends the supervision of the fellow's current mentor on the mentor's roster (FEL-18).</summary>
    public static async Task ReleaseMentorAsync(IDocumentSession session, Fellowship f, string reason, string actor, DateTimeOffset now,
        CancellationToken ct)
    {
        if (f.Mentor is not { } mentor) return;
        var roster = await session.Events.FetchForWriting<MentorRoster>(MentorRoster.IdFor(mentor.StaffNo), ct);
        if (roster.Aggregate?.Fellows.Contains(f.Id) == true)
            roster.AppendOne(new MentorReleasedFellow(mentor.StaffNo, f.Id, reason, actor, now));
    }

    public static Outcome<string> Text(string? value, string code, string field) => Filters.Required(value, code, $"{field} is required.");
}
