using System.Globalization;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Recruitment.Host.Hosting;

internal static class LoggingSetup
{
    public static WebApplicationBuilder AddRecruitmentLogging(this WebApplicationBuilder builder)
    {
        var development = builder.Environment.IsDevelopment();
        // preserveStaticLogger: several hosts in one test process must not share the last one's logger (STACK-NOTES pitfall 7).
        builder.Services.AddSerilog((services, lc) =>
        {
            lc.ReadFrom.Configuration(builder.Configuration)
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Wolverine", LogEventLevel.Warning)
                .MinimumLevel.Override("Marten", LogEventLevel.Warning)
                .MinimumLevel.Override("JasperFx", LogEventLevel.Warning)
                .Enrich.FromLogContext();
            ILogEventSink console = development
                ? new SinkBuffer(c => c.WriteTo.Console(formatProvider: CultureInfo.InvariantCulture, outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}"))
                : new SinkBuffer(c => c.WriteTo.Console(new CompactJsonFormatter()));
            // Every sink, including those added through DI (tests capture logs that way), sees only events the log policy let through.
            var sinks = services.GetServices<ILogEventSink>().Prepend(console).ToArray();
            lc.WriteTo.Sink(new LogPolicySink(sinks));
        }, preserveStaticLogger: true);
        return builder;
    }

    /// <summary>Adapts a sink built with the configuration API into a plain <see cref="ILogEventSink"/>.</summary>
    private sealed class SinkBuffer(Func<LoggerConfiguration, LoggerConfiguration> configure) : ILogEventSink, IDisposable
    {
        private readonly Logger _logger = configure(new LoggerConfiguration().MinimumLevel.Verbose()).CreateLogger();
        public void Emit(LogEvent logEvent) => _logger.Write(logEvent);
        public void Dispose() => _logger.Dispose();
    }
}
