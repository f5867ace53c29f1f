namespace Recruitment.BuildingBlocks;

public static class Deadlines
{
    /// <summary>
    /// DATE-CONV: a deadline written as 23:59:59 includes that whole second, so it has passed only from the next
    /// second on (23:59:59.4 is still in time).
    /// </summary>
    public static bool IsPast(this DateTimeOffset now, DateTimeOffset inclusiveDeadline) => now >= inclusiveDeadline.AddSeconds(1);
}
