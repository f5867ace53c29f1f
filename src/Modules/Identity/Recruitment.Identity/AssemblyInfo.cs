using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.Identity.Tests")]
[assembly: InternalsVisibleTo("Recruitment.IntegrationTests")]
