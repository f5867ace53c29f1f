using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recruitment.AdvancedFellowship.Domain;
using Recruitment.BuildingBlocks;
using Wolverine;
using Wolverine.Marten;

namespace Recruitment.AdvancedFellowship.Features.Positions;

public sealed record LoadFellowshipCycle(string DefinitionJson, string PositionsCsv);

internal sealed record FellowshipCycleDefinition(
    int Year, DateTimeOffset ApplicationOpen, DateTimeOffset ApplicationClose, DateTimeOffset AdmissionNoticeDeadline,
    DateOnly DefaultReportingDate, IntakeBand IntakeBand, decimal SelfRaisedGrantCny, decimal FundedMatchRatio,
    decimal? FundedMatchCapCny, string? NoticeGroup);

[MartenStore(typeof(IAdvancedFellowshipStore))]
public static class LoadFellowshipCycleHandler
{
    /// <summary>Loads the shipped cycle once; a cycle edited by the fellowship admin since is never overwritten by the file.</summary>
    public static async Task Handle(LoadFellowshipCycle command, IDocumentSession session, CancellationToken ct)
    {
        var cycle = Parse(command);
        var existing = await session.LoadAsync<FellowshipCycle>(cycle.Id, ct);
        if (existing is null) session.Insert(cycle);
    }

    internal static FellowshipCycle Parse(LoadFellowshipCycle command)
    {
        var d = JsonSerializer.Deserialize<FellowshipCycleDefinition>(command.DefinitionJson, new JsonSerializerOptions(JsonSerializerDefaults.Web))
                ?? throw new InvalidDataException("empty fellowship cycle definition");
        if (!(d.ApplicationOpen < d.ApplicationClose && d.ApplicationClose < d.AdmissionNoticeDeadline))
            throw new InvalidDataException("fellowship calendar must satisfy open < close < admission notice deadline");
        if (d.IntakeBand.Min < 0 || d.IntakeBand.Min > d.IntakeBand.Max)
            throw new InvalidDataException("intake band must satisfy 0 <= min <= max");

        using var csv = new CsvReader(new StringReader(command.PositionsCsv), new CsvConfiguration(CultureInfo.InvariantCulture));
        csv.Read();
        csv.ReadHeader();
        var positions = new List<Position>();
        while (csv.Read())
        {
            var postTypes = csv.GetField("post_types")!.Split('|').Select(Enum.Parse<PostType>).ToArray();
            var durations = csv.GetField("duration_months")!.Split('|').Select(int.Parse).ToArray();
            if (durations.Length != postTypes.Length)
                throw new InvalidDataException($"position {csv.GetField("no")}: one duration per post type is required");
            positions.Add(new Position(
                csv.GetField<int>("no"), csv.GetField("dept_code")!, csv.GetField("dept_en")!, csv.GetField("dept_zh")!,
                Enum.Parse<DepartmentCategory>(csv.GetField("category")!),
                postTypes.Zip(durations).ToDictionary(x => x.First, x => x.Second),
                csv.GetField<int>("quota"), csv.GetField("title_req")!, csv.GetField("education")!,
                csv.GetField<int>("work_years_min"), csv.GetField<int>("work_years_max"),
                csv.GetField("specialty_requirement")!, csv.GetField("direction")!));
        }
        return new FellowshipCycle
        {
            Id = d.Year,
            Version = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(command.DefinitionJson + command.PositionsCsv)))[..16],
            ApplicationOpen = d.ApplicationOpen,
            ApplicationClose = d.ApplicationClose,
            AdmissionNoticeDeadline = d.AdmissionNoticeDeadline,
            DefaultReportingDate = d.DefaultReportingDate,
            IntakeBand = d.IntakeBand,
            SelfRaisedGrantCny = d.SelfRaisedGrantCny,
            FundedMatchRatio = d.FundedMatchRatio,
            FundedMatchCapCny = d.FundedMatchCapCny,
            NoticeGroup = d.NoticeGroup,
            Positions = positions,
        };
    }
}

internal sealed class FellowshipReferenceDataLoader(IServiceScopeFactory scopes, ILogger<FellowshipReferenceDataLoader> logger) : AfterStartTask
{
    public override async Task StartedAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMessageBus>().InvokeAsync(new LoadFellowshipCycle(
                ReadReferenceData<FellowshipReferenceDataLoader>("fellowship-2024.json"),
                ReadReferenceData<FellowshipReferenceDataLoader>("positions-2024.csv")), cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or CsvHelperException or FormatException or ArgumentException)
        {
            logger.LogError("Fellowship cycle 2024 refused: {Reason}", e.Message);
        }
    }
}
