using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.Enrollment.Tests")]
[assembly: InternalsVisibleTo("Recruitment.IntegrationTests")]
// build/bench.sh allocation times the round allocation's pure functions (DeferredAcceptance) directly.
[assembly: InternalsVisibleTo("Recruitment.Benchmarks.Allocation")]
