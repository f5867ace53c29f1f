using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.Rotation.Tests")]
[assembly: InternalsVisibleTo("Recruitment.IntegrationTests")]
[assembly: InternalsVisibleTo("Recruitment.Benchmarks.Rotation")]
