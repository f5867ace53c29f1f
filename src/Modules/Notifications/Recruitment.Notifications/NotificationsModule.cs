using JasperFx;
using JasperFx.CodeGeneration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Recruitment.Notifications.Delivery;
using Recruitment.Notifications.Features;
using Wolverine;
using Wolverine.Configuration;
using Wolverine.ErrorHandling;
using Wolverine.Runtime.Handlers;

namespace Recruitment.Notifications;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface INotificationsStore : IDocumentStore;

/// <summary>
/// Tells people what happened: an inbox for every user, e-mail over SMTP and SMS through the province's gateway,
/// each delivery a durable message that is retried and ends as a dead letter, never failing what caused it.
/// </summary>
public static class NotificationsModule
{
    public static readonly ModuleInfo Info = new("Notifications", "notifications", typeof(INotificationsStore), typeof(NotificationsModule).Assembly);

    public static IServiceCollection AddNotificationsModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var options = Delivery.DeliveryOptions.From(configuration);
        services.AddSingleton(options);
        services.AddSingleton(new Mailer(options));
        services.AddSingleton(PublicLinks.From(configuration));
        services.AddSingleton(DeadLetterCounter.From(configuration, connectionString));
        services.AddHostedService<DeadLetterWatchService>();
        if (options.SmsGatewayUrl is not null)
        {
            services.AddHttpClient<HttpSmsGateway>(c => c.Timeout = TimeSpan.FromSeconds(20));
            services.AddSingleton<ISmsGateway>(sp => sp.GetRequiredService<HttpSmsGateway>());
        }
        else
        {
            services.AddSingleton<ISmsGateway>(sp => new LogSmsGateway(sp.GetRequiredService<IHostEnvironment>().IsDevelopment(),
                sp.GetRequiredService<ILogger<LogSmsGateway>>()));
        }

        services.AddModuleStore<INotificationsStore>(Info, connectionString, opts =>
        {
            opts.Schema.For<Notification>().Index(n => n.RecipientId);
            opts.Schema.For<Recipient>().Index(r => r.Role);
            opts.Schema.For<CandidateOwner>();
            opts.Schema.For<BaseName>();
            opts.Schema.For<DeadLetterWatch>();
        });

        // A delivery that fails (SMTP or gateway down) waits and tries again; after the last delay it becomes a dead
        // letter, visible in /api/admin/health. The request that caused it has long been answered.
        services.ConfigureWolverine(opts => opts.Policies.Add(new DeliveryRetryPolicy(options.RetryDelays)));
        return services;
    }
}

/// <summary>Retries every delivery message (<see cref="IDelivery"/>) after the configured delays, then dead-letters it.</summary>
internal sealed class DeliveryRetryPolicy(TimeSpan[] delays) : IHandlerPolicy
{
    public void Apply(IReadOnlyList<HandlerChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(c => typeof(IDelivery).IsAssignableFrom(c.MessageType)))
            chain.OnAnyException().ScheduleRetry(delays).Then.MoveToErrorQueue();
    }
}
