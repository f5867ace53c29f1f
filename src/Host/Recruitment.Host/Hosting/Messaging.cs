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
            opts.Policies.AutoApplyTransactions();
            opts.UseRuntimeCompilation();
            opts.Services.AddResourceSetupOnStartup();
        });
        return builder;
    }
}
