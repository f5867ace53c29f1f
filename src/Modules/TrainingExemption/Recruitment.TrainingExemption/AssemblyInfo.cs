using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.TrainingExemption.Tests")]
[assembly: InternalsVisibleTo("Recruitment.IntegrationTests")]
