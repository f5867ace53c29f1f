// Namespaces most files of this project use; a file adds only what is particular to it.
global using System.Net;
global using System.Net.Http.Json;
global using Microsoft.Playwright;
global using Recruitment.Testing;
global using Shouldly;
global using Xunit;
