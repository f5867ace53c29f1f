using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using MudBlazor.Services;
using Recruitment.Web;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

// Same origin as the host: the client calls the public /api routes like any other client.
builder.Services.AddScoped(_ => new HttpClient { BaseAddress = new Uri(builder.HostEnvironment.BaseAddress) });
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddScoped<Session>();
builder.Services.AddScoped<Texts>();
builder.Services.AddScoped<ApiClient>();
builder.Services.AddScoped<Recruitment.Web.Shared.CycleData>();
builder.Services.AddMudServices();
// MudBlazor's own texts (pager, pickers, dialogs) follow the UI language.
builder.Services.AddScoped<MudBlazor.MudLocalizer, MudTexts>();
builder.Services.AddScoped<Recruitment.Web.Shared.InboxBadge>();

await builder.Build().RunAsync();
