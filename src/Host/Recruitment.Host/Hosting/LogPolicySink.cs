using System.Xml;
using JasperFx.Events;
using Serilog.Core;
using Serilog.Events;

namespace Recruitment.Host.Hosting;

/// <summary>
/// The log policy, applied to every event before any sink writes it, so that an Error line always means a real
/// fault and no log holds a secret or a person's numbers:
/// <list type="bullet">
/// <item>a refusal (a request the rules or the input policy said no to, however deep it was thrown: Wolverine logs
/// "Invocation of {Message} failed!" with the whole message record at Error on a logger named after the message)
/// is written at Information without its stack trace;</item>
/// <item>secrets (passwords, tokens, API keys, one-time codes) are replaced by *** wherever they appear: in a
/// message record's printed form ("Password = ..."), a JSON fragment, a bearer token or an API key;</item>
/// <item>personal numbers are masked (<see cref="PersonalDataMasking"/>);</item>
/// <item>every value is cut to <see cref="MaxValueLength"/> characters, so a 1 MB field cannot make a 1 MB line.</item>
/// </list>
/// </summary>
internal sealed partial class LogPolicySink(IReadOnlyList<ILogEventSink> inner) : ILogEventSink
{
    public const int MaxValueLength = 256;
    private const int MaxExceptionLength = 16 * 1024;

    // "Password = x", "password: x", "\"refreshToken\":\"x\"", "ApiKey=x" ... in records' printed forms, JSON and text.
    [GeneratedRegex(@"(?i)(""?\b(?:\w*(?:password|passwd|secret|token|otp|apikey|onetimecode|verificationcode|signingkey)\w*|key|pin)""?\s*[=:]\s*)(""(?:[^""\\]|\\.)*""|.+?(?=,\s*""?\w+""?\s*[=:]|\s*[}\]\r\n]|$))")]
    private static partial Regex NamedSecret();

    [GeneratedRegex(@"(?i)\bBearer\s+[A-Za-z0-9\-_.~+/]+=*")]
    private static partial Regex BearerToken();

    // JSON web tokens and API keys ("rk_...") on their own.
    [GeneratedRegex(@"\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*|\brk_[A-Za-z0-9_-]{8,}")]
    private static partial Regex BareToken();

    private static readonly string[] SecretNames = ["password", "passwd", "secret", "token", "otp", "apikey", "onetimecode", "verificationcode", "signingkey"];

    public void Emit(LogEvent logEvent)
    {
        var level = logEvent.Level;
        var exception = logEvent.Exception;
        if (level >= LogEventLevel.Warning && exception is not null && IsRefusal(exception))
        {
            level = LogEventLevel.Information;
            exception = null;
        }
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, IsSecretName(p.Key) ? Redacted : Clean(p.Value)));
        var masked = new LogEvent(logEvent.Timestamp, level, exception is null ? null : new CleanException(exception), logEvent.MessageTemplate, properties);
        foreach (var sink in inner) sink.Emit(masked);
    }

    /// <summary>Whether the failure is a refused request rather than a fault: a 4xx wherever it was thrown.</summary>
    public static bool IsRefusal(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case DomainException d: return d.Status < 500;
                case BadHttpRequestException b: return b.StatusCode < 500;
                case JsonException or XmlException: return true;
                // Another writer came first (a version, a unique key, a stream id): answered 409 or retried, never a fault.
                case var conflict when OptimisticRetry.IsConflict(conflict): return true;
                case AggregateException { InnerExceptions.Count: 1 } aggregate: return IsRefusal(aggregate.InnerExceptions[0]);
            }
        }
        return false;
    }

    public static string CleanText(string text, int maxLength = MaxValueLength)
    {
        text = NamedSecret().Replace(text, "$1***");
        text = BearerToken().Replace(text, "Bearer ***");
        text = BareToken().Replace(text, "***");
        text = PersonalDataMasking.Mask(text);
        return text.Length <= maxLength ? text : string.Concat(text.AsSpan(0, maxLength), $"…(+{text.Length - maxLength} chars)");
    }

    private static readonly ScalarValue Redacted = new("***");

    private static bool IsSecretName(string name) =>
        name.Equals("key", StringComparison.OrdinalIgnoreCase) || SecretNames.Any(s => name.Contains(s, StringComparison.OrdinalIgnoreCase));

    private static LogEventPropertyValue Clean(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => new ScalarValue(CleanText(s)),
        ScalarValue { Value: long or ulong or decimal } number => CleanNumber(number),
        SequenceValue seq => new SequenceValue(seq.Elements.Select(Clean)),
        StructureValue st => new StructureValue(st.Properties.Select(p => new LogEventProperty(p.Name, IsSecretName(p.Name) ? Redacted : Clean(p.Value))), st.TypeTag),
        DictionaryValue dict => new DictionaryValue(dict.Elements.Select(kv =>
            new KeyValuePair<ScalarValue, LogEventPropertyValue>(kv.Key, kv.Key.Value is string k && IsSecretName(k) ? Redacted : Clean(kv.Value)))),
        _ => value,
    };

    // A phone number logged as a number is still a phone number.
    private static ScalarValue CleanNumber(ScalarValue number)
    {
        var text = Convert.ToString(number.Value, System.Globalization.CultureInfo.InvariantCulture)!;
        var masked = PersonalDataMasking.Mask(text);
        return masked == text ? number : new ScalarValue(masked);
    }

    /// <summary>Stands in for the original exception with its text cleaned; type and stack stay readable.</summary>
    private sealed class CleanException(Exception original) : Exception(CleanText(original.Message, 1024))
    {
        public override string? StackTrace => original.StackTrace;
        public override string ToString() => CleanText(original.ToString(), MaxExceptionLength);
    }
}
