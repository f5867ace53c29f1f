namespace Recruitment.Rotation.Domain;

/// <summary>
/// One day's alert about one trainee (ROT-01, ROT-03, ROT-09), for the base and, for reduced-year plans, the
/// center. Id = date:trainee:code, so a repeated daily run writes nothing new.
/// </summary>
internal sealed class RotationAlert
{
    public string Id { get; set; } = "";
    public DateOnly Date { get; set; }
    public int Year { get; set; }
    public string BaseCode { get; set; } = "";
    public Guid TraineeId { get; set; }
    public string TraineeName { get; set; } = "";
    public string Code { get; set; } = "";
    public bool ForCenter { get; set; }
    public DateTimeOffset RaisedAt { get; set; }
}

/// <summary>The last day the daily check ran for a cycle, so duplicate timers collapse into one daily run. Id = the year.</summary>
internal sealed class DailyCheckRun
{
    public int Id { get; set; }
    public DateOnly LastRunDate { get; set; }
}
