namespace Recruitment.Examination.Tests;

/// <summary>One shared host for Examination's slice tests; tests isolate themselves with fresh ID numbers and candidates.</summary>
[CollectionDefinition(Name)]
public sealed class ExaminationCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "examination";
}
