using JasperFx.Resources;
using Recruitment.BuildingBlocks;
using Wolverine;
using Wolverine.Postgresql;

namespace Recruitment.Host.Hosting;

internal static class MessagingSetup
{
    public static WebApplicationBuilder AddRecruitmentMessaging(this WebApplicationBuilder builder, string connectionString)
    {
        builder.Host.UseWolverine(opts =>
        {
            opts.ApplicationAssembly = typeof(Program).Assembly;
            foreach (var module in RecruitmentModules.All) opts.Discovery.IncludeAssembly(module.Assembly);

            // The 'main' envelope store; every module store shares its schema (STACK-NOTES pitfalls 2 and 3).
            opts.PersistMessagesWithPostgresql(connectionString, Messaging.EnvelopeSchema);
            opts.Durability.MessageStorageSchemaName = Messaging.EnvelopeSchema;

            // A message handled by several modules runs once per module, each in its own transaction and durable queue.
            opts.MultipleHandlerBehavior = MultipleHandlerBehavior.Separated;
            opts.Durability.MessageIdentity = MessageIdentity.IdAndDestination;
            opts.Policies.UseDurableLocalQueues();

            // A host that dies without stopping (killed, crashed, machine lost) keeps owning the messages it had
            // accepted until another node - or its own restart, which comes back as a new node - judges it dead
            // and releases them for recovery. Wolverine's defaults (a heartbeat every 10 s, dead after 60 s of
            // silence seen on two consecutive checks) leave an acknowledged score import waiting about 85 s after
            // a crash (ScoreImportCrashTests). A heartbeat every 5 s and 20 s of silence (four missed beats, still
            // seen on two consecutive checks, so at least 25 s) bring that to about half a minute; the heartbeat
            // runs on its own timer, so busy work cannot delay it into a false ejection. The extra cost is one
            // small query per node every 5 s.
            opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(5);
            opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(20);
            opts.Policies.AutoApplyTransactions();
            opts.UseRuntimeCompilation();
            opts.Services.AddResourceSetupOnStartup();
        });
        return builder;
    }
}
