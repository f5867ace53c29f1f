using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recruitment.BuildingBlocks;
using Recruitment.Enrollment.Contracts;
using Recruitment.Enrollment.Domain;
using Wolverine;
using Wolverine.Marten;

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
            StandardMonths = new StandardDurations(definition.StandardMonths["RESIDENCY"], definition.StandardMonths["ASSISTANT_GP"]),
            Eligibility = definition.Eligibility ?? throw new InvalidDataException("the cycle definition has no eligibility settings"),
            LoadedAt = now,
        };
    }
}

/// <summary>
/// Loads the cycles shipped in ReferenceData/ once the host (and Wolverine) has started. A cycle
/// whose quota table does not reconcile is refused and logged; the others still load.
/// </summary>
internal sealed class ReferenceDataLoader(IServiceScopeFactory scopes, ILogger<ReferenceDataLoader> logger) : AfterStartTask
{
    public static readonly int[] ShippedYears = [2024];

    public static LoadRecruitmentCycle ReadShipped(int year) =>
        new(ReadReferenceData<ReferenceDataLoader>($"recruitment-{year}.json"), ReadReferenceData<ReferenceDataLoader>($"quota-{year}.csv"));

    public override async Task StartedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        foreach (var year in ShippedYears)
        {
            try
            {
                await bus.InvokeAsync(ReadShipped(year), cancellationToken);
            }
            catch (Exception e) when (e is QuotaTableException or InvalidDataException or JsonException)
            {
                logger.LogError("Recruitment cycle {Year} refused: {Reason}", year, e.Message);
            }
        }
    }
}
