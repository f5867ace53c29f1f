using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Recruitment.Examination.Tests")]
[assembly: InternalsVisibleTo("Recruitment.IntegrationTests")]
// build/bench.sh scores: the set-up tool seeds rosters and applications in bulk through the module's own store mapping.
[assembly: InternalsVisibleTo("Recruitment.Benchmarks.Prepare")]
// 'Imports' is a Visual Basic keyword; no Visual Basic code consumes this assembly, and the folder names the slice.
[assembly: System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716", Scope = "namespace", Target = "~N:Recruitment.Examination.Features.Imports",
    Justification = "C# only; the namespace names the score-import slice")]
