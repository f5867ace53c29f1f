using Recruitment.Host.Hosting;
using Recruitment.Host.Localization;

// Composition only: every piece is configured in Hosting/, every feature lives in its module.
var builder = WebApplication.CreateBuilder(args);
builder.AddRecruitmentLogging();

if (!DatabaseStartupCheck.TryGetConnectionString(builder.Configuration, out var connectionString))
    return 1;

builder.AddRecruitmentModules(connectionString);
builder.AddRecruitmentMessaging(connectionString);
builder.AddRecruitmentHttp(connectionString);
builder.Services.AddProblemLocalization();

var app = builder.Build();
app.UseRecruitmentHttp();
return await app.RunJasperFxCommands(args);

/// <summary>Entry point type, visible to the test host factory.</summary>
public partial class Program;
