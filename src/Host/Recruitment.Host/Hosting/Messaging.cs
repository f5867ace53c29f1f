using JasperFx.Resources;
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
            // silence seen on two consecutive checks, reassignment every 5 s) leave an acknowledged score import
            // waiting about 85 s. A heartbeat every second, dead after 5 s of silence and reassignment every second
            // bring a surviving node to resume the work within about 10 s (FailoverTests prints the time).
            // The trade-off: each node writes one small heartbeat row per second, and a node starved of CPU for
            // more than 5 s (a long GC pause, an overloaded machine) is judged dead while alive; its accepted
            // messages then move to another node, and handlers must stay idempotent (they are: the score import
            // holds an advisory lock and resumes at its first unfinished chunk, the others check what is stored).
            // Both can be raised in configuration where nodes are known to stall.
            var configuration = builder.Configuration;
            opts.Durability.HealthCheckPollingTime = TimeSpan.FromSeconds(configuration.GetValue("Messaging:HeartbeatSeconds", 1.0));
            opts.Durability.StaleNodeTimeout = TimeSpan.FromSeconds(configuration.GetValue("Messaging:StaleNodeSeconds", 5.0));
            opts.Durability.NodeReassignmentPollingTime = opts.Durability.HealthCheckPollingTime;
            // After a node is judged dead its messages are released by the orphan sweep and picked up by the
            // survivors' recovery poll, which also delivers due scheduled messages (deadlines, and those the staging
            // clock has just pulled). Wolverine's 5 s for each added up to 10 s to a takeover (13.9 s measured with
            // the settings above); 1 s each costs two indexed queries per second per node (docs/hardening.md).
            var polling = TimeSpan.FromSeconds(configuration.GetValue("Messaging:ScheduledPollingSeconds", 1.0));
            opts.Durability.ScheduledJobPollingTime = polling;
            opts.Durability.OrphanedMessageSweepPollingTime = polling;
            opts.Policies.AutoApplyTransactions();
            opts.UseRuntimeCompilation();
            opts.Services.AddResourceSetupOnStartup();
        });
        return builder;
    }
}
