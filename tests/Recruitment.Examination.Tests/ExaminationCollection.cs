namespace Recruitment.Examination.Tests;

/// <summary>One shared host for Examination's slice tests; tests isolate themselves with fresh ID numbers and candidates.</summary>
[CollectionDefinition(Name)]
public sealed class ExaminationCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "examination";
}

/// <summary>Concurrent score imports: a host of its own beside the other slice tests, so both cores work.</summary>
[CollectionDefinition(Name)]
public sealed class ImportConcurrencyCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "examination-import-concurrency";
}
