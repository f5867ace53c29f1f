// Namespaces most files of this project use; a file adds only what is particular to it.
global using Carter;
global using Marten;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Recruitment.BuildingBlocks;
global using Recruitment.Enrollment.Contracts;
global using Recruitment.Rotation.Domain;
global using Recruitment.Rotation.Features.Plans;
global using Recruitment.TrainingExemption.Contracts;
global using Wolverine;
global using Wolverine.Marten;
