using Microsoft.Extensions.Hosting;

namespace Recruitment.Host.Operations;

/// <summary>
/// The host's clock on a staging, demonstration or training installation: real time plus an offset that an operator
/// moves forward (<c>POST /api/admin/clock</c>). Every rule reads <see cref="TimeProvider"/>, so every rule follows.
/// Timers and timestamps stay real: only "what time is it" moves (docs/adr/0401-staging-clock.md).
/// </summary>
internal sealed class StagedClock(TimeProvider real) : TimeProvider
{
    private long _offsetTicks;

    public TimeProvider Real => real;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => real.GetUtcNow() + Offset;

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override long TimestampFrequency => real.TimestampFrequency;

    public override long GetTimestamp() => real.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        real.CreateTimer(callback, state, dueTime, period);

    /// <summary>Takes the offset stored in the database (by this node's move or another node's).</summary>
    public void Follow(TimeSpan offset) => Interlocked.Exchange(ref _offsetTicks, offset.Ticks);
}

/// <summary>A move of the staged clock as stored: the new offset and how many scheduled messages were pulled earlier.</summary>
internal sealed record ClockMove(TimeSpan By, TimeSpan Offset, int ScheduledMessages);

/// <summary>
/// The one row holding the staged clock's offset, shared by every node on the database. A move raises the offset
/// and pulls every scheduled message of Wolverine's durable inbox earlier by the same amount, in one transaction:
/// Wolverine stores a scheduled message with a real execution time (<c>DelayedFor(deadline - now)</c>), so without
/// the pull a deadline the staged clock has passed would still wait for real time to reach it.
/// </summary>
internal sealed class StagedClockStore(string connectionString)
{
    // One lock id for creating the row, so nodes starting together do not race on "create table if not exists".
    private const long SetupLock = 0x5354_4147_4544;

    private readonly string _connectionString = connectionString;

    /// <summary>
    /// Creates the row on first use. A database without one starts at <paramref name="startAt"/> when given
    /// (the demo starts in the 2024 cycle, before real time), else at real time; an existing row is kept.
    /// </summary>
    public TimeSpan Initialise(DateTimeOffset? startAt, DateTimeOffset realNow)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction();
        Execute(connection, $"""
            select pg_advisory_xact_lock({SetupLock});
            create schema if not exists staging;
            create table if not exists staging.clock (
                id int primary key check (id = 1),
                offset_interval interval not null,
                moved_at timestamptz not null,
                moved_by text not null);
            """);
        using var insert = new NpgsqlCommand(
            "insert into staging.clock values (1, @offset, now(), 'start') on conflict (id) do nothing", connection);
        insert.Parameters.AddWithValue("offset", startAt is { } start ? start - realNow : TimeSpan.Zero);
        insert.ExecuteNonQuery();
        transaction.Commit();
        return Read(connection);
    }

    public async Task<TimeSpan> ReadAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand("select offset_interval from staging.clock where id = 1", connection);
        return (TimeSpan)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Moves the clock forward by what <paramref name="by"/> computes from the offset in force (read under the row's
    /// lock, so two operators moving at once both count); a step that is not forward changes nothing.
    /// </summary>
    public async Task<ClockMove?> MoveAsync(Func<TimeSpan, TimeSpan> by, string movedBy, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var read = new NpgsqlCommand("select offset_interval from staging.clock where id = 1 for update", connection, transaction);
        var offset = (TimeSpan)(await read.ExecuteScalarAsync(ct))!;
        var step = by(offset);
        if (step <= TimeSpan.Zero) return null;

        await using var move = new NpgsqlCommand(
            "update staging.clock set offset_interval = offset_interval + @by, moved_at = now(), moved_by = @movedBy where id = 1",
            connection, transaction);
        move.Parameters.AddWithValue("by", step);
        move.Parameters.AddWithValue("movedBy", movedBy);
        await move.ExecuteNonQueryAsync(ct);
        await using var pull = new NpgsqlCommand($"""
            update {Messaging.EnvelopeSchema}.wolverine_incoming_envelopes set execution_time = execution_time - @by
            where status = 'Scheduled' and execution_time is not null
            """, connection, transaction);
        pull.Parameters.AddWithValue("by", step);
        var pulled = await pull.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
        return new ClockMove(step, offset + step, pulled);
    }

    private NpgsqlConnection Open()
    {
        var connection = new NpgsqlConnection(_connectionString);
        connection.Open();
        return connection;
    }

    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static TimeSpan Read(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand("select offset_interval from staging.clock where id = 1", connection);
        return (TimeSpan)command.ExecuteScalar()!;
    }
}

/// <summary>
/// Keeps this node's staged clock on the stored offset by reading the one row every <c>Clock:RefreshSeconds</c>
/// (1 s by default). Polling rather than LISTEN/NOTIFY: a primary-key read per second costs next to nothing, needs no
/// dedicated connection to keep alive and re-listen after a database restart, and cannot miss a notification; a
/// node that moved the clock itself follows at once. Another node lags by at most the interval, and a deadline
/// message it runs early is rescheduled by its handler (every handler re-checks its deadline).
/// </summary>
internal sealed class StagedClockRefresher(StagedClock clock, StagedClockStore store, IConfiguration configuration,
    ILogger<StagedClockRefresher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Clock:RefreshSeconds", 1.0)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                clock.Follow(await store.ReadAsync(stoppingToken));
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException)
            {
                logger.OffsetUnreadable(clock.Offset, e.Message);
            }
        }
    }
}

internal static class StagedClockSetup
{
    public const string AllowTravelSetting = "Clock:AllowTravel";

    /// <summary>
    /// Registers the host's <see cref="TimeProvider"/>: the system clock, or with <c>Clock:AllowTravel=true</c> the
    /// staged clock. Travel is refused in Production: the host does not start, with one line naming the setting.
    /// </summary>
    public static bool AddRecruitmentClock(this WebApplicationBuilder builder, string connectionString)
    {
        var services = builder.Services;
        if (!builder.Configuration.GetValue(AllowTravelSetting, false))
        {
            services.AddSingleton(TimeProvider.System);
            return true;
        }
        if (builder.Environment.IsProduction())
        {
            Console.Error.WriteLine($"FATAL Setting {AllowTravelSetting}=true is refused in Production: a production clock never travels. " +
                                    "Use a Staging or Development environment (ASPNETCORE_ENVIRONMENT) for a staged clock.");
            return false;
        }
        var store = new StagedClockStore(connectionString);
        var clock = new StagedClock(TimeProvider.System);
        clock.Follow(store.Initialise(builder.Configuration.GetValue<DateTimeOffset?>("Clock:StartAt"), clock.Real.GetUtcNow()));
        services.AddSingleton(store);
        services.AddSingleton(clock);
        services.AddSingleton<TimeProvider>(clock);
        services.AddHostedService<StagedClockRefresher>();
        return true;
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class StagedClockLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The staged clock could not read its offset, keeping {Offset}: {Problem}")]
    public static partial void OffsetUnreadable(this ILogger logger, TimeSpan offset, string problem);
}
