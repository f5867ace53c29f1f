using System.ComponentModel.DataAnnotations;
using System.Text;

namespace Recruitment.Host.Hosting;

/// <summary>The kinds of text a client may send, each with its own maximum length.</summary>
public enum TextClass
{
    /// <summary>Codes, numbers, enums, short labels: anything not named below.</summary>
    Default,
    /// <summary>Names of people, units and schools; logins.</summary>
    Name,
    /// <summary>Postal addresses and places.</summary>
    Address,
    /// <summary>A reason or note given with a decision; may hold line breaks.</summary>
    Reason,
    /// <summary>Longer free text (summaries, experience, notes); may hold line breaks.</summary>
    FreeText,
    /// <summary>Names of uploaded files.</summary>
    FileName,
}

/// <summary>
/// The one input policy for text, applied to every JSON string, query value, route value and text body
/// (see <see cref="JsonInputPolicy"/> and <see cref="RequestGuard"/>): valid Unicode (no lone surrogate),
/// no NUL or other control character (tab and line breaks only in reasons and free text), and a maximum
/// length by kind of field. PostgreSQL refuses NUL in text, so without this a NUL became a 500.
/// </summary>
public static class TextPolicy
{
    /// <summary>Every string the host reads is at most this long, whatever its field (the largest class).</summary>
    public const int AbsoluteMaxLength = 4000;
    /// <summary>A query-string or route value.</summary>
    public const int QueryMaxLength = 1000;

    public static int MaxLength(TextClass kind) => kind switch
    {
        TextClass.Name => 150,
        TextClass.Address => 300,
        TextClass.Reason => 1000,
        TextClass.FreeText => AbsoluteMaxLength,
        TextClass.FileName => 255,
        _ => 256,
    };

    public static bool AllowsLineBreaks(TextClass kind) => kind is TextClass.Reason or TextClass.FreeText;

    /// <summary>
    /// The kind of a field, from its name, so that no slice needs an attribute: "reason", "skipReason" are reasons,
    /// "mailingAddress" an address, "name", "schoolName", "login" names, and so on.
    /// </summary>
    public static TextClass ClassOf(string fieldName)
    {
        var name = fieldName.ToLowerInvariant();
        if (name.EndsWith("filename", StringComparison.Ordinal)) return TextClass.FileName;
        if (name.EndsWith("reason", StringComparison.Ordinal) || name.EndsWith("opinion", StringComparison.Ordinal)
            || name is "note" or "comment" or "detail" or "problem" or "violation")
            return TextClass.Reason;
        if (name is "notes" or "summary" or "text" or "description" or "content" or "body" || name.EndsWith("experience", StringComparison.Ordinal)
            || name.EndsWith("description", StringComparison.Ordinal) || name.EndsWith("remarks", StringComparison.Ordinal))
            return TextClass.FreeText;
        if (name.EndsWith("address", StringComparison.Ordinal) || name.EndsWith("location", StringComparison.Ordinal) || name is "place")
            return TextClass.Address;
        if (name.EndsWith("name", StringComparison.Ordinal) || name is "namezh" or "nameen" or "login" or "school"
                or "employer" or "hospital" or "sendingunit" or "awardinginstitution" or "major")
            return TextClass.Name;
        return TextClass.Default;
    }

    /// <summary>The maximum length and line-break rule of a property: an explicit length attribute wins over its name.</summary>
    public static (int MaxLength, bool LineBreaks) RuleFor(ICustomAttributeProvider? member, string name)
    {
        var kind = ClassOf(name);
        var explicitLength = member?.GetCustomAttributes(true) switch
        {
            { } attributes => attributes.OfType<MaxLengthAttribute>().Select(a => (int?)a.Length)
                .Concat(attributes.OfType<StringLengthAttribute>().Select(a => (int?)a.MaximumLength)).FirstOrDefault(),
            null => null,
        };
        return (explicitLength ?? MaxLength(kind), AllowsLineBreaks(kind));
    }

    /// <summary>Why the text breaks the policy, or null when it is fine.</summary>
    public static string? Violation(string value, int maxLength, bool lineBreaks)
    {
        if (value.Length > maxLength) return $"is longer than {maxLength} characters";
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) { i++; continue; }
                return "is not valid Unicode text";
            }
            if (char.IsLowSurrogate(c)) return "is not valid Unicode text";
            if (c < ' ' || c == '\u007f')
            {
                if (c == '\0') return "contains a NUL character";
                if (lineBreaks && c is '\t' or '\n' or '\r') continue;
                return "contains a control character";
            }
        }
        return null;
    }

    /// <summary>Whether a UTF-8 byte is a control character no text body may hold (tab and line breaks pass).</summary>
    public static bool IsForbiddenByte(byte b) => b < 0x20 && b is not (byte)'\t' and not (byte)'\n' and not (byte)'\r' || b == 0x7f;

    internal static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
}
