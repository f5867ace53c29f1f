namespace Recruitment.Enrollment.Tests;

/// <summary>
/// A host whose Enrollment:CycleDirectory holds next year's cycle (the shipped files with the year changed),
/// a cycle whose quota table does not reconcile, and a definition without its quota file.
/// </summary>
public sealed class CycleDirectoryApp : RecruitmentApp
{
    public const int Loaded = 2025, BadQuota = 2026, NoQuota = 2027;

    public string CycleDirectory { get; } = Directory.CreateTempSubdirectory("recruitment-cycles-").FullName;

    public CycleDirectoryApp()
    {
        var shipped = ReferenceDataLoader.ReadShipped(2024);
        string Definition(int year) => shipped.DefinitionJson.Replace("\"year\": 2024", $"\"year\": {year}");
        File.WriteAllText(Path.Combine(CycleDirectory, $"recruitment-{Loaded}.json"), Definition(Loaded));
        File.WriteAllText(Path.Combine(CycleDirectory, $"quota-{Loaded}.csv"), shipped.QuotaCsv);
        File.WriteAllText(Path.Combine(CycleDirectory, $"recruitment-{BadQuota}.json"), Definition(BadQuota));
        File.WriteAllText(Path.Combine(CycleDirectory, $"quota-{BadQuota}.csv"), shipped.QuotaCsv.Replace("GP,30,", "GP,31,"));
        File.WriteAllText(Path.Combine(CycleDirectory, $"recruitment-{NoQuota}.json"), Definition(NoQuota));
    }

    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings[ReferenceDataLoader.CycleDirectorySetting] = CycleDirectory;
        return settings;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(CycleDirectory)) Directory.Delete(CycleDirectory, recursive: true);
    }
}

public sealed class CycleDirectoryTests(CycleDirectoryApp app) : IClassFixture<CycleDirectoryApp>
{
    [Fact]
    public async Task Cycles_in_the_configured_directory_load_at_start_up_and_bad_ones_are_refused_and_logged()
    {
        using var client = app.Anonymous();
        var loaded = await (await client.GetAsync($"/api/enrollment/cycles/{CycleDirectoryApp.Loaded}/quotas")).JsonAsync();
        loaded.GetProperty("total").GetInt32().ShouldBe(577);
        (await client.GetAsync("/api/enrollment/cycles/2024")).StatusCode.ShouldBe(HttpStatusCode.OK);

        foreach (var year in new[] { CycleDirectoryApp.BadQuota, CycleDirectoryApp.NoQuota })
        {
            await (await client.GetAsync($"/api/enrollment/cycles/{year}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "cycle.not_found");
            app.Logs.Text.ShouldContain($"Recruitment cycle {year} from");
        }
        app.Logs.Text.ShouldContain($"quota-{CycleDirectoryApp.NoQuota}.csv is missing");
    }
}
