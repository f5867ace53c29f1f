using System.Text.RegularExpressions;
using Serilog.Core;
using Serilog.Events;

namespace Recruitment.Host.Hosting;

/// <summary>
/// Masks resident ID numbers and phone numbers in every property and exception before any sink
/// writes the event. Personal data may reach a log through a request path, a payload logged on
/// failure or a database error text ("Key (login)=(...) already exists"); masking here catches all.
/// </summary>
internal sealed partial class PersonalDataMaskingSink(IReadOnlyList<ILogEventSink> inner) : ILogEventSink
{
    // 18-character PRC resident ID (17 digits + digit or X); 15-digit legacy IDs.
    [GeneratedRegex(@"(?<![0-9A-Za-z])(\d{3})\d{11,12}(\d{2}[\dXx]|\d{3})(?![0-9A-Za-z])")]
    private static partial Regex IdNumber();

    // Mainland mobile numbers, and landlines with area code.
    [GeneratedRegex(@"(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"(?<!\d)(0\d{2,3}-)\d{3,4}(\d{4})(?!\d)")]
    private static partial Regex Landline();

    public static string Mask(string text)
    {
        text = IdNumber().Replace(text, m => m.Groups[1].Value + new string('*', m.Length - 3 - m.Groups[2].Value.Length) + m.Groups[2].Value);
        text = Mobile().Replace(text, "$1****$2");
        return Landline().Replace(text, "$1****$2");
    }

    public void Emit(LogEvent logEvent)
    {
        var properties = logEvent.Properties.Select(p => new LogEventProperty(p.Key, MaskValue(p.Value)));
        var exception = logEvent.Exception is null ? null : new MaskedException(logEvent.Exception);
        var masked = new LogEvent(logEvent.Timestamp, logEvent.Level, exception, logEvent.MessageTemplate, properties);
        foreach (var sink in inner) sink.Emit(masked);
    }

    private static LogEventPropertyValue MaskValue(LogEventPropertyValue value) => value switch
    {
        ScalarValue { Value: string s } => new ScalarValue(Mask(s)),
        ScalarValue { Value: long or ulong } number => MaskNumber(number),
        SequenceValue seq => new SequenceValue(seq.Elements.Select(MaskValue)),
        StructureValue st => new StructureValue(st.Properties.Select(p => new LogEventProperty(p.Name, MaskValue(p.Value))), st.TypeTag),
        DictionaryValue dict => new DictionaryValue(dict.Elements.Select(kv => new KeyValuePair<ScalarValue, LogEventPropertyValue>(kv.Key, MaskValue(kv.Value)))),
        _ => value,
    };

    // A phone number logged as a number is still a phone number.
    private static ScalarValue MaskNumber(ScalarValue number)
    {
        var text = Convert.ToString(number.Value, System.Globalization.CultureInfo.InvariantCulture)!;
        var masked = Mask(text);
        return masked == text ? number : new ScalarValue(masked);
    }

    /// <summary>Stands in for the original exception with its text masked; type and stack stay readable.</summary>
    private sealed class MaskedException(Exception original) : Exception(Mask(original.Message))
    {
        public override string? StackTrace => original.StackTrace;
        public override string ToString() => Mask(original.ToString());
    }
}
