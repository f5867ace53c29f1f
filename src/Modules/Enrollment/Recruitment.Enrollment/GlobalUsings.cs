// Namespaces most files of this project use; a file adds only what is particular to it.
global using System.Globalization;
global using System.Security.Claims;
global using Carter;
global using JasperFx.Events;
global using Marten;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Recruitment.BuildingBlocks;
global using Recruitment.Enrollment.Contracts;
global using Recruitment.Enrollment.Domain;
global using Recruitment.Enrollment.Features.Admission;
global using Recruitment.Enrollment.Features.Applications;
global using Wolverine;
global using Wolverine.Marten;
