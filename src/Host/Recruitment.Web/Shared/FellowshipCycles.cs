namespace Recruitment.Web.Shared;

public static class FellowshipCycles
{
    /// <summary>The cycle the server also takes when none is named: the latest whose applications have opened, else the first.</summary>
    public static FellowshipCycleView? Current(IReadOnlyList<FellowshipCycleView> cycles, DateTimeOffset now) =>
        cycles.Where(c => c.ApplicationOpen <= now).MaxBy(c => c.Year) ?? cycles.MinBy(c => c.Year);
}
