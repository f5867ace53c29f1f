using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.Enrollment.Tests")]
[assembly: InternalsVisibleTo("Recruitment.IntegrationTests")]
