// Namespaces most files of this project use; a file adds only what is particular to it.
global using Marten;
global using Recruitment.BuildingBlocks;
global using Recruitment.Publications.Contracts;
global using Recruitment.Publications.Domain;
