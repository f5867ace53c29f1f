using System.Text.Json;
using System.Text.Json.Serialization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Recruitment.AdvancedFellowship.Features.Positions;

public sealed record LoadFellowshipCycle(string DefinitionJson, string PositionsCsv);

/// <summary>A cycle's settings as the shipped <c>fellowship-&lt;year&gt;.json</c> and the admin's edits write them (DOMAIN.md 7.1).</summary>
internal sealed record FellowshipCycleDefinition(
    int Year, DateTimeOffset ApplicationOpen, DateTimeOffset ApplicationClose, DateTimeOffset AdmissionNoticeDeadline,
    DateOnly DefaultReportingDate, IntakeBand IntakeBand, decimal SelfRaisedGrantCny, decimal FundedMatchRatio,
    decimal? FundedMatchCapCny, string? NoticeGroup, int AgeSoftLimit = 45, int MentorMaxFellows = 1,
    MentorTitle MentorMinimumTitle = MentorTitle.ASSOCIATE_CHIEF)
{
    public FellowshipCycle ToCycle(IReadOnlyList<Position> positions, string version, string updatedBy) => new()
    {
        Id = Year,
        Version = version,
        ApplicationOpen = ApplicationOpen,
        ApplicationClose = ApplicationClose,
        AdmissionNoticeDeadline = AdmissionNoticeDeadline,
        DefaultReportingDate = DefaultReportingDate,
        IntakeBand = IntakeBand ?? new IntakeBand(0, 0),
        SelfRaisedGrantCny = SelfRaisedGrantCny,
        FundedMatchRatio = FundedMatchRatio,
        FundedMatchCapCny = FundedMatchCapCny,
        NoticeGroup = NoticeGroup,
        AgeSoftLimit = AgeSoftLimit,
        MentorMaxFellows = MentorMaxFellows,
        MentorMinimumTitle = MentorMinimumTitle,
        UpdatedBy = updatedBy,
        Positions = [.. positions],
    };
}

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

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    internal static FellowshipCycle Parse(LoadFellowshipCycle command)
    {
        var d = JsonSerializer.Deserialize<FellowshipCycleDefinition>(command.DefinitionJson, Json)
                ?? throw new InvalidDataException("empty fellowship cycle definition");

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
                csv.GetField("specialty_requirement")!, csv.GetField("direction")!,
                List(csv.GetField("practice_scopes"), '|').Select(Enum.Parse<PracticeScope>).ToList(),
                List(csv.GetField("required_documents"), ';').Select(RequiredDocumentOf).ToList()));
        }
        var version = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(command.DefinitionJson + command.PositionsCsv)))[..16];
        var cycle = d.ToCycle(positions, version, "reference-data");
        if (cycle.Problems() is { Count: > 0 } problems)
            throw new InvalidDataException(string.Join("; ", problems));
        return cycle;
    }

    private static string[] List(string? cell, char separator) =>
        (cell ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary><c>KIND</c> for every post type of the row, <c>POST_TYPE:KIND</c> for one.</summary>
    private static RequiredDocument RequiredDocumentOf(string item) =>
        item.Split(':') is [var postType, var kind]
            ? new RequiredDocument(Enum.Parse<DocumentKind>(kind), Enum.Parse<PostType>(postType))
            : new RequiredDocument(Enum.Parse<DocumentKind>(item), null);
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
            logger.CycleRefused(e.Message);
        }
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class FellowshipCycleLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "Fellowship cycle 2024 refused: {Reason}")]
    public static partial void CycleRefused(this ILogger logger, string reason);
}
