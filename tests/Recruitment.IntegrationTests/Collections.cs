namespace Recruitment.IntegrationTests;

/// <summary>The shared host for the foundation tests; each test isolates itself by data.</summary>
[CollectionDefinition(Name)]
public sealed class FoundationCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "foundation";
}
