using Recruitment.Testing;

namespace Recruitment.TrainingExemption.Tests;

[CollectionDefinition(Name)]
public sealed class TrainingExemptionCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "training-exemption";
}
