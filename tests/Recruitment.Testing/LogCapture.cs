using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Recruitment.Testing;

/// <summary>Collects every log event the host writes, rendered with its properties and exception.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<string> _lines = new();

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _lines.Enqueue($"{logEvent.Level} {logEvent.RenderMessage()} {properties} {logEvent.Exception}");
    }

    public string Text => string.Join("\n", _lines);
}
