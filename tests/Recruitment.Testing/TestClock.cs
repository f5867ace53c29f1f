namespace Recruitment.Testing;

/// <summary>
/// The host's clock in tests. Unlike FakeTimeProvider it may be set backwards too, because tests that
/// share one host each set the cycle date they need (registration, review, on-site, ...) in any order.
/// Timers stay real: nothing in the host schedules through the TimeProvider.
/// </summary>
public sealed class TestClock(DateTimeOffset start) : TimeProvider
{
    private long _utcTicks = start.UtcTicks;

    public static readonly TimeSpan ChinaStandardTime = TimeSpan.FromHours(8);

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    public void Set(DateTimeOffset now) => Interlocked.Exchange(ref _utcTicks, now.UtcTicks);

    /// <summary>Sets the clock to a wall-clock time in China Standard Time, as the cycle calendar reads.</summary>
    public void Set(int year, int month, int day, int hour = 9, int minute = 0, int second = 0) =>
        Set(new DateTimeOffset(year, month, day, hour, minute, second, ChinaStandardTime));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _utcTicks, by.Ticks);
}
