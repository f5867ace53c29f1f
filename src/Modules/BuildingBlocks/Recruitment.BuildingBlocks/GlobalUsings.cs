// Namespaces most files of this project use; a file adds only what is particular to it.
global using Microsoft.AspNetCore.Http;
