namespace Recruitment.Enrollment.Tests;

// Enrollment's slice tests run in several collections, each with one shared host on a database of its own, so that
// both cores work; within a collection tests run one after the other and isolate themselves with fresh ID numbers.

/// <summary>Registration, applications and their review: the default collection for a new Enrollment slice test.</summary>
[CollectionDefinition(Name)]
public sealed class EnrollmentCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "enrollment";
}

/// <summary>On-site confirmation, appointments and the printed notices.</summary>
[CollectionDefinition(Name)]
public sealed class OnsiteCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "enrollment-onsite";
}

/// <summary>Admission: proposals, rounds, publicity and the OTHER split.</summary>
[CollectionDefinition(Name)]
public sealed class AdmissionCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "enrollment-admission";
}
