namespace Recruitment.BuildingBlocks;

/// <summary>China Standard Time, in which every date of the rules is written (DOMAIN.md section 0).</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The calendar date in China Standard Time (all dates of DOMAIN.md are China dates).</summary>
    public static DateOnly Date(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    public static DateTimeOffset StartOf(DateOnly date) => new(date.ToDateTime(TimeOnly.MinValue), Offset);

    /// <summary>Full years (周岁) from <paramref name="from"/> to <paramref name="on"/>.</summary>
    public static int FullYears(DateOnly from, DateOnly on)
    {
        var years = on.Year - from.Year;
        if (on < from.AddYears(years)) years--;
        return years;
    }
}
