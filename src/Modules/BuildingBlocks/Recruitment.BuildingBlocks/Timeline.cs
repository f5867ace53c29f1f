using System.Text.RegularExpressions;

namespace Recruitment.BuildingBlocks;

/// <summary>One dated step of an event-sourced case as its owner and staff see it: what happened, the status it led to, who did it.</summary>
public sealed record TimelineEntry(DateTimeOffset At, string Event, string Status, string Actor, string? Detail);

public static partial class Timeline
{
    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordStart();

    /// <summary>An event's name on a timeline: its type name in kebab case (ApplicationSubmitted -> application-submitted).</summary>
    public static string EventName(object e) => WordStart().Replace(e.GetType().Name, "-$1").ToLowerInvariant();
}
