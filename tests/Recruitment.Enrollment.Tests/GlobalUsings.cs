// Namespaces most files of this project use; a file adds only what is particular to it.
global using System.Net;
global using System.Net.Http.Json;
global using Recruitment.BuildingBlocks;
global using Recruitment.Enrollment.Domain;
global using Recruitment.Enrollment.Features.Cycles;
global using Recruitment.Enrollment.Features.Deadlines;
global using Recruitment.Testing;
global using Shouldly;
global using Wolverine;
global using Xunit;
