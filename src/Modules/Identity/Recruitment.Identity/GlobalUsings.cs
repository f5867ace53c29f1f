// Namespaces most files of this project use; a file adds only what is particular to it.
global using System.Security.Claims;
global using System.Security.Cryptography;
global using System.Text;
global using Carter;
global using Marten;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Identity;
global using Microsoft.AspNetCore.Routing;
global using Microsoft.Extensions.Logging;
global using Microsoft.IdentityModel.JsonWebTokens;
global using Recruitment.BuildingBlocks;
global using Recruitment.Identity.Contracts;
global using Recruitment.Identity.Domain;
global using Wolverine;
global using Wolverine.Attributes;
global using Wolverine.Marten;
