// Namespaces most files of this project use; a file adds only what is particular to it.
global using Marten;
global using Microsoft.Extensions.Logging;
global using Recruitment.BuildingBlocks;
global using Recruitment.Notifications.Domain;
global using Wolverine.Attributes;
global using Wolverine.Marten;
