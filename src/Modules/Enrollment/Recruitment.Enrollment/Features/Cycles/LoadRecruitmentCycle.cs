using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Recruitment.Enrollment.Features.Cycles;

/// <summary>Load (or reload) a cycle from its versioned source files.</summary>
public sealed record LoadRecruitmentCycle(string DefinitionJson, string QuotaCsv);

internal sealed record CycleDefinition(
    int Year, int ResidencyTotal, AssistantGpQuota AssistantGp, Dictionary<string, int> StandardMonths, EligibilitySettings Eligibility,
    CycleCalendar Calendar, List<Specialty> Specialties, List<TrainingBase> Bases);

[MartenStore(typeof(IEnrollmentStore))]
public static class LoadRecruitmentCycleHandler
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Idempotent: an unchanged source publishes nothing; a changed one replaces the cycle and republishes it.</summary>
    public static async Task<RecruitmentCyclePublished?> Handle(LoadRecruitmentCycle command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var cycle = Parse(command, clock.GetUtcNow());
        var existing = await session.LoadAsync<RecruitmentCycle>(cycle.Id, ct);
        if (existing?.Version == cycle.Version) return null;
        session.Store(cycle);
        return cycle.ToMessage();
    }

    internal static RecruitmentCycle Parse(LoadRecruitmentCycle command, DateTimeOffset now)
    {
        var definition = JsonSerializer.Deserialize<CycleDefinition>(command.DefinitionJson, Json)
                         ?? throw new InvalidDataException("empty cycle definition");
        // Operators may supply these files (Enrollment:CycleDirectory): a missing section is refused here, not a crash below.
        if (definition.Calendar is null || definition.Bases is null || definition.Specialties is null || definition.AssistantGp is null
            || definition.StandardMonths is null || !definition.StandardMonths.TryGetValue("RESIDENCY", out var residencyMonths)
            || !definition.StandardMonths.TryGetValue("ASSISTANT_GP", out var assistantGpMonths))
            throw new InvalidDataException("the cycle definition needs calendar, bases, specialties, assistantGp and standardMonths (RESIDENCY, ASSISTANT_GP)");
        var quotas = QuotaTable.Parse(command.QuotaCsv, definition.ResidencyTotal);

        var baseCodes = definition.Bases.Select(b => b.Code).ToHashSet();
        var specialtyCodes = definition.Specialties.Select(s => s.Code).ToHashSet();
        var unknown = quotas.Where(q => !baseCodes.Contains(q.BaseCode) || !specialtyCodes.Contains(q.SpecialtyCode))
            .Select(q => $"{q.SpecialtyCode}/{q.BaseCode}").Distinct().ToList();
        if (unknown.Count > 0)
            throw new QuotaTableException([$"quota cells name unknown bases or specialties: {string.Join(", ", unknown)}"]);
        if (!baseCodes.Contains(definition.AssistantGp.BaseCode))
            throw new InvalidDataException($"assistant-GP base {definition.AssistantGp.BaseCode} is not a base of the cycle");

        return new RecruitmentCycle
        {
            Id = definition.Year,
            Version = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(command.DefinitionJson + "\n" + command.QuotaCsv)))[..16],
            ResidencyTotal = definition.ResidencyTotal,
            Calendar = definition.Calendar,
            Bases = definition.Bases,
            Specialties = definition.Specialties,
            Quotas = [.. quotas],
            AssistantGp = definition.AssistantGp,
            StandardMonths = new StandardDurations(residencyMonths, assistantGpMonths),
            Eligibility = definition.Eligibility ?? throw new InvalidDataException("the cycle definition has no eligibility settings"),
            LoadedAt = now,
        };
    }
}

/// <summary>
/// Loads the cycles shipped in ReferenceData/ once the host (and Wolverine) has started, then those in the
/// optional <c>Enrollment:CycleDirectory</c>: every <c>recruitment-&lt;year&gt;.json</c> there with its
/// <c>quota-&lt;year&gt;.csv</c>, through the same command, so operators can load next year's cycle without a
/// release (a year found there replaces the shipped one). A cycle whose files are unreadable or do not
/// reconcile is refused and logged; the others still load and the host keeps running.
/// </summary>
internal sealed class ReferenceDataLoader(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<ReferenceDataLoader> logger)
    : AfterStartTask
{
    public const string CycleDirectorySetting = "Enrollment:CycleDirectory";

    public static readonly int[] ShippedYears = [2024];

    public static LoadRecruitmentCycle ReadShipped(int year) =>
        new(ReadReferenceData<ReferenceDataLoader>($"recruitment-{year}.json"), ReadReferenceData<ReferenceDataLoader>($"quota-{year}.csv"));

    /// <summary>The cycle of <paramref name="year"/> in an operator's directory: the same two files as shipped.</summary>
    public static LoadRecruitmentCycle ReadFromDirectory(string directory, int year)
    {
        var quota = Path.Combine(directory, $"quota-{year}.csv");
        if (!File.Exists(quota)) throw new InvalidDataException($"{quota} is missing");
        return new(File.ReadAllText(Path.Combine(directory, $"recruitment-{year}.json")), File.ReadAllText(quota));
    }

    public override async Task StartedAsync(CancellationToken cancellationToken)
    {
        var sources = ShippedYears.ToDictionary(y => y, y => (Source: "shipped reference data", Read: (Func<LoadRecruitmentCycle>)(() => ReadShipped(y))));
        if (configuration[CycleDirectorySetting] is { Length: > 0 } directory)
        {
            if (!Directory.Exists(directory))
                logger.CycleDirectoryMissing(CycleDirectorySetting, directory);
            else
                foreach (var file in Directory.EnumerateFiles(directory, "recruitment-*.json").Order(StringComparer.Ordinal))
                {
                    if (!int.TryParse(Path.GetFileNameWithoutExtension(file)["recruitment-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var year))
                        continue;
                    sources[year] = (file, () => ReadFromDirectory(directory, year));
                }
        }

        await using var scope = scopes.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var (year, (source, read)) in sources.OrderBy(s => s.Key))
        {
            try
            {
                var command = read();
                if (LoadRecruitmentCycleHandler.Parse(command, DateTimeOffset.UnixEpoch).Id != year)
                    throw new InvalidDataException($"the file names {year} but the definition says another year");
                await bus.InvokeAsync(command, cancellationToken);
            }
            catch (Exception e) when (e is QuotaTableException or InvalidDataException or JsonException or IOException or UnauthorizedAccessException)
            {
                logger.CycleRefused(year, source, e.Message);
            }
        }
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class CycleLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{Setting} {Directory} does not exist; no cycle loaded from it")]
    public static partial void CycleDirectoryMissing(this ILogger logger, string setting, string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "Recruitment cycle {Year} from {Source} refused: {Reason}")]
    public static partial void CycleRefused(this ILogger logger, int year, string source, string reason);
}
