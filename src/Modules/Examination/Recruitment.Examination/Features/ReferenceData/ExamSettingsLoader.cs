using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;

namespace Recruitment.Examination.Features.ReferenceData;

internal sealed record ExamSettingsDefinition(int Year, Dictionary<Track, ScoringRules> Scoring);

/// <summary>
/// Loads each cycle's scoring rules from ReferenceData/ at start-up, idempotently by content. Rules that
/// fail the configuration check (weights not summing to 100, EXAM-12) are refused and logged.
/// </summary>
internal sealed class ExamSettingsLoader(IExaminationStore store, ILogger<ExamSettingsLoader> logger) : AfterStartTask
{
    public static readonly int[] ShippedYears = [2024];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public override async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        foreach (var year in ShippedYears)
        {
            var text = ReadReferenceData<ExamSettingsLoader>($"examination-{year}.json");
            try
            {
                var settings = Parse(text);
                if ((await session.LoadAsync<ExamSettings>(settings.Id, cancellationToken))?.Version == settings.Version) continue;
                session.Store(settings);
            }
            catch (Exception e) when (e is InvalidDataException or JsonException)
            {
                logger.SettingsRefused(year, e.Message);
            }
        }
        await session.SaveChangesAsync(cancellationToken);
    }

    internal static ExamSettings Parse(string text)
    {
        var definition = JsonSerializer.Deserialize<ExamSettingsDefinition>(text, Json) ?? throw new InvalidDataException("empty settings");
        foreach (var track in Enum.GetValues<Track>())
        {
            if (!definition.Scoring.TryGetValue(track, out var rules)) throw new InvalidDataException($"no scoring rules for {track}");
            if (rules.Problem() is { } problem) throw new InvalidDataException($"{track}: {problem}");
        }
        return new ExamSettings
        {
            Id = definition.Year,
            Version = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16],
            Scoring = definition.Scoring,
        };
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class ExamSettingsLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Examination settings {Year} refused: {Reason}")]
    public static partial void SettingsRefused(this ILogger logger, int year, string reason);
}
