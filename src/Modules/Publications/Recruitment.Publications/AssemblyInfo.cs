using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.IntegrationTests")]
