namespace Recruitment.Enrollment.Tests;

/// <summary>One shared host for Enrollment's slice tests; tests isolate themselves with fresh ID numbers.</summary>
[CollectionDefinition(Name)]
public sealed class EnrollmentCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "enrollment";
}
