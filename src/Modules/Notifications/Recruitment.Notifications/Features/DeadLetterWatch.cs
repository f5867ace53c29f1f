using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Recruitment.Notifications.Contracts;
using Wolverine;

namespace Recruitment.Notifications.Features;

/// <summary>Look for messages that landed in the dead-letter queue since operators were last told.</summary>
public sealed record CheckDeadLetters;

/// <summary>How many dead letters of one message type operators have been told about, and when last.</summary>
internal sealed class DeadLetterWatch
{
    /// <summary>The message type's short name (never a message's content).</summary>
    public string Id { get; set; } = "";
    public long Told { get; set; }
    public DateTimeOffset? ToldAt { get; set; }
}

/// <summary>
/// Tells operators when messages become dead letters: at most once per message type per period
/// (<c>Notifications:DeadLetterPeriodMinutes</c>, default 60), with the type and how many are new. Only the type's
/// name and a count leave the envelope table: a dead letter's body may hold personal data and is never read.
/// </summary>
[MartenStore(typeof(INotificationsStore))]
public static class CheckDeadLettersHandler
{
    public static async Task<OutgoingMessages> Handle(CheckDeadLetters command, IDocumentSession session, DeadLetterCounter counter,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var messages = new OutgoingMessages();
        foreach (var (type, count) in await counter.CountByTypeAsync(ct))
        {
            var watch = await session.LoadAsync<DeadLetterWatch>(type, ct) ?? new DeadLetterWatch { Id = type };
            // Dead letters replayed or purged lower the count: start again from what is there.
            if (count < watch.Told) watch.Told = count;
            // A clock set back (a staged clock) counts as a new period.
            if (count == watch.Told || watch.ToldAt is { } told && now >= told && now - told < counter.Period)
            {
                session.Store(watch);
                continue;
            }
            var period = now.UtcTicks / counter.Period.Ticks;
            messages.Add(new NotifyStaff(Roles.Operator, null, NotificationTemplates.DeadLetter, new Dictionary<string, string>
            {
                ["count"] = (count - watch.Told).ToString(CultureInfo.InvariantCulture),
                ["messageType"] = type,
            }, "/api/admin/health", $"dead-letter:{type}:{period}"));
            watch.Told = count;
            watch.ToldAt = now;
            session.Store(watch);
        }
        return messages;
    }
}

/// <summary>Counts the dead letters of the shared envelope schema per message type.</summary>
public sealed class DeadLetterCounter(string connectionString, TimeSpan period)
{
    public TimeSpan Period { get; } = period;

    public static DeadLetterCounter From(IConfiguration configuration, string connectionString) =>
        new(connectionString, TimeSpan.FromMinutes(Math.Max(1, configuration.GetValue("Notifications:DeadLetterPeriodMinutes", 60.0))));

    public async Task<IReadOnlyList<(string Type, long Count)>> CountByTypeAsync(CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            $"select message_type, count(*) from {Messaging.EnvelopeSchema}.wolverine_dead_letters group by message_type", connection);
        var counts = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            // The short name is enough to find it in /api/admin/health and the logs.
            var type = reader.IsDBNull(0) ? "unknown" : reader.GetString(0);
            counts.Add((type[(type.LastIndexOf('.') + 1)..], reader.GetInt64(1)));
        }
        return counts.GroupBy(c => c.Item1).Select(g => (g.Key, g.Sum(c => c.Item2))).ToList();
    }
}

/// <summary>Runs <see cref="CheckDeadLetters"/> every few minutes; each node may, the keys make it tell once.</summary>
internal sealed class DeadLetterWatchService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DeadLetterWatchService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var every = TimeSpan.FromSeconds(Math.Max(5, configuration.GetValue("Notifications:DeadLetterCheckSeconds", 300.0)));
        using var timer = new PeriodicTimer(every);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new CheckDeadLetters(), stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The next tick tries again; a database outage is reported by /api/admin/health, not here.
                logger.DeadLetterCheckFailed(e.Message);
            }
        }
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class DeadLetterWatchLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-letter check failed: {Error}")]
    public static partial void DeadLetterCheckFailed(this ILogger logger, string error);
}
