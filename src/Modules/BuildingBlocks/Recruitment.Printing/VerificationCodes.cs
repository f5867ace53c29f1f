using System.Security.Cryptography;

namespace Recruitment.Printing;

/// <summary>
/// Verification codes printed on documents: 12 random Crockford base-32 characters in three groups
/// (60 bits: not guessable, short enough to type from paper), without the easily confused I, L, O, U.
/// </summary>
public static class VerificationCodes
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    public static string New()
    {
        Span<byte> bytes = stackalloc byte[12];
        RandomNumberGenerator.Fill(bytes);
        var chars = new char[14];
        for (int i = 0, j = 0; i < 12; i++, j++)
        {
            if (i is 4 or 8) chars[j++] = '-';
            chars[j] = Alphabet[bytes[i] % 32];
        }
        return new string(chars);
    }

    /// <summary>A code as typed by a person: upper case, with look-alike letters read as the digits they stand for.</summary>
    public static string? Normalize(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return null;
        var plain = new string(typed.Trim().ToUpperInvariant().Where(c => c != '-' && c != ' ')
            .Select(c => c switch { 'O' => '0', 'I' or 'L' => '1', _ => c }).ToArray());
        if (plain.Length != 12 || plain.Any(c => !Alphabet.Contains(c))) return null;
        return $"{plain[..4]}-{plain[4..8]}-{plain[8..]}";
    }
}
