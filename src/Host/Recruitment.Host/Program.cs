using Recruitment.Host.Hosting;
using Recruitment.Host.Localization;
using Recruitment.Host.Operations;

// Composition only: every piece is configured in Hosting/, every feature lives in its module.
var builder = WebApplication.CreateBuilder(args);
builder.AddRecruitmentLogging();

if (!DatabaseStartupCheck.TryGetConnectionString(builder.Configuration, out var connectionString))
    return 1;

// The clock first: a staged clock must stand where the database says before anything reads the time.
if (!builder.AddRecruitmentClock(connectionString))
    return 1;

// Nodes sharing the database start one at a time: taken before every other hosted service, released after them all.
StartupLock.Register(builder.Services, connectionString);
builder.AddRecruitmentModules(connectionString);
builder.AddRecruitmentMessaging(connectionString);
builder.AddRecruitmentHttp(connectionString);
builder.Services.AddProblemLocalization();
StartupLock.RegisterEnd(builder.Services);

var app = builder.Build();
app.UseRecruitmentHttp();
return await app.RunJasperFxCommands(args);

/// <summary>Entry point type, visible to the test host factory.</summary>
public partial class Program;
