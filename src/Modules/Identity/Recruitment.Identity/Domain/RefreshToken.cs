namespace Recruitment.Identity.Domain;

/// <summary>
/// One refresh token of a sign-in session (a family). Rotated on use: the used token is marked, a new one of the
/// same family is issued. Presenting a used token again means it was stolen or replayed, so the whole family is
/// revoked. Only a SHA-256 hash of the secret is stored; the id is part of the presented value for lookup.
/// </summary>
internal sealed class RefreshToken
{
    public Guid Id { get; set; }
    public Guid FamilyId { get; set; }
    public Guid AccountId { get; set; }
    public string SecretHash { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? UsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedReason { get; set; }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Format(Guid id, string secret) => $"rt_{id:N}_{secret}";

    public static bool TryParse(string? presented, out Guid id, out string secret)
    {
        id = Guid.Empty;
        secret = "";
        var parts = (presented ?? "").Split('_', 3);
        if (parts.Length != 3 || parts[0] != "rt" || !Guid.TryParseExact(parts[1], "N", out id)) return false;
        secret = parts[2];
        return secret.Length is > 0 and <= 128;
    }

    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));
}
