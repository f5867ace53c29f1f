using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.Enrollment.Tests")]
[assembly: InternalsVisibleTo("Recruitment.IntegrationTests")]
// build/bench.sh allocation times the round allocation's pure functions (DeferredAcceptance) directly.
[assembly: InternalsVisibleTo("Recruitment.Benchmarks.Allocation")]
// build/bench.sh scores: the set-up tool seeds rosters and applications in bulk through the module's own store mapping.
[assembly: InternalsVisibleTo("Recruitment.Benchmarks.Prepare")]
