// Namespaces most files of this project use; a file adds only what is particular to it.
global using System.Globalization;
global using System.Security.Claims;
global using System.Security.Cryptography;
global using System.Text;
global using System.Text.RegularExpressions;
global using Carter;
global using JasperFx.Events;
global using Marten;
global using Microsoft.AspNetCore.Builder;
global using Microsoft.AspNetCore.Http;
global using Microsoft.AspNetCore.Routing;
global using Recruitment.AdvancedFellowship.Domain;
global using Recruitment.AdvancedFellowship.Features.Applications;
global using Recruitment.BuildingBlocks;
global using Wolverine;
global using Wolverine.Marten;
