// Namespaces most files of this project use; a file adds only what is particular to it.
global using System.Reflection;
global using System.Text.Json;
global using System.Text.RegularExpressions;
global using JasperFx;
global using Npgsql;
global using Recruitment.BuildingBlocks;
