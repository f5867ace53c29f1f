// Namespaces most files of this project use; a file adds only what is particular to it.
global using System.Globalization;
global using Carter;
global using Marten;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Recruitment.BuildingBlocks;
global using Recruitment.Enrollment.Contracts;
global using Recruitment.Examination.Contracts;
global using Recruitment.Examination.Domain;
global using Recruitment.Examination.Features.Imports;
global using Wolverine;
global using Wolverine.Marten;
