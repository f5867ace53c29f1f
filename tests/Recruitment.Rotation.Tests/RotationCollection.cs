namespace Recruitment.Rotation.Tests;

[CollectionDefinition(Name)]
public sealed class RotationCollection : ICollectionFixture<RecruitmentApp>
{
    public const string Name = "rotation";
}
