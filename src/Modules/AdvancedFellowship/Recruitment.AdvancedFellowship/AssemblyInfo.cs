using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.AdvancedFellowship.Tests")]
[assembly: InternalsVisibleTo("Recruitment.IntegrationTests")]
