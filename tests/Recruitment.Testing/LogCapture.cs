using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Recruitment.Testing;

/// <summary>
/// Collects every log event the host writes, rendered with its properties and exception, and judges the whole
/// log of a host against the log policy when the host stops (<see cref="Violations"/>): no secret a request
/// carried, no full resident ID or mobile number, no Error line for a request answered with a 4xx.
/// </summary>
public sealed partial class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<(LogEventLevel Level, string? RequestId, string Line)> _events = new();

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        var requestId = logEvent.Properties.TryGetValue("RequestId", out var id) && id is ScalarValue { Value: string s } ? s : null;
        _events.Enqueue((logEvent.Level, requestId, $"{logEvent.Level} {logEvent.RenderMessage(CultureInfo.InvariantCulture)} {properties} {logEvent.Exception}"));
    }

    public string Text => string.Join("\n", _events.Select(e => e.Line));

    public IReadOnlyList<string> Lines => _events.Select(e => e.Line).ToList();

    /// <summary>What requests carried that must never be logged, and how each request was answered (filled by <see cref="RequestWitness"/>).</summary>
    public ConcurrentDictionary<string, byte> Secrets { get; } = new();
    public ConcurrentDictionary<string, int> Statuses { get; } = new();
    /// <summary>Values requests also sent in ordinary fields: one may be logged there, so it does not count as a secret.</summary>
    public ConcurrentDictionary<string, byte> PlainValues { get; } = new();

    [GeneratedRegex(@"(?<![\dA-Za-z*])\d{6}(?:19|20)\d{2}[01]\d[0-3]\d\d{3}[\dXx](?![\dXx])")]
    private static partial Regex FullResidentId();

    [GeneratedRegex(@"(?<![\d*])1[3-9]\d{9}(?!\d)")]
    private static partial Regex FullMobile();

    public IReadOnlyList<string> Violations()
    {
        var found = new List<string>();
        var secrets = Secrets.Keys.Where(s => s.Length >= 8 && !PlainValues.ContainsKey(s)).ToList();
        foreach (var (level, requestId, line) in _events)
        {
            var secret = secrets.FirstOrDefault(s => line.Contains(s, StringComparison.Ordinal));
            if (secret is not null) found.Add($"a secret a request carried ({secret[..3]}...): {Clip(line)}");
            if (FullResidentId().Match(line) is { Success: true } id) found.Add($"a full resident ID ({id.Value[..3]}...): {Clip(line)}");
            if (FullMobile().Match(line) is { Success: true } mobile) found.Add($"a full mobile number ({mobile.Value[..3]}...): {Clip(line)}");
            if (level >= LogEventLevel.Error && requestId is not null && Statuses.TryGetValue(requestId, out var status) && status is >= 400 and < 500)
                found.Add($"an Error line for a request answered {status}: {Clip(line)}");
        }
        return found;
    }

    private static string Clip(string line) => line.Length <= 600 ? line : line[..600] + "...";
}
