// Namespaces most files of this project use; a file adds only what is particular to it.
global using Marten;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Recruitment.AccessAudit.Contracts;
global using Recruitment.AccessAudit.Domain;
global using Recruitment.BuildingBlocks;
