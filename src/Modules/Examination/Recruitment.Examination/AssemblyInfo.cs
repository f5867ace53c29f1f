using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.Examination.Tests")]
[assembly: InternalsVisibleTo("Recruitment.IntegrationTests")]
