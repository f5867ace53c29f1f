using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.Examination.Tests")]
[assembly: InternalsVisibleTo("Recruitment.IntegrationTests")]
// build/bench.sh scores: the set-up tool seeds rosters and applications in bulk through the module's own store mapping.
[assembly: InternalsVisibleTo("Recruitment.Benchmarks.Prepare")]
