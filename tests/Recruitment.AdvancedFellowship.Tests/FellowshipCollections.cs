namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>
/// The test host, with the programme's years widened (<c>AdvancedFellowship:ProgrammeLastYear</c>) so that slice tests
/// that take places each run on a synthetic cycle of their own and never share a row's quota with another test.
/// </summary>
public sealed class FellowshipApp : RecruitmentApp
{
    protected override IDictionary<string, string?> Settings()
    {
        var settings = base.Settings();
        settings["AdvancedFellowship:ProgrammeLastYear"] = "2999";
        return settings;
    }
}

/// <summary>One shared host for the fellowship's slice tests; tests isolate themselves with fresh ID numbers and cycles.</summary>
[CollectionDefinition(Name)]
public sealed class FellowshipCollection : ICollectionFixture<FellowshipApp>
{
    public const string Name = "fellowship";
}

/// <summary>The 2024 programme end to end, on a database of its own so the real 15-place table is untouched by other tests.</summary>
[CollectionDefinition(Name)]
public sealed class ProgrammeCollection : ICollectionFixture<FellowshipApp>
{
    public const string Name = "fellowship-programme";
}

/// <summary>Training and assessment of fellows: a host of its own beside the application and selection tests, so both cores work.</summary>
[CollectionDefinition(Name)]
public sealed class FellowTrainingCollection : ICollectionFixture<FellowshipApp>
{
    public const string Name = "fellowship-training";
}
