namespace Recruitment.Identity.Domain;

/// <summary>
/// An integration job's key. Only a SHA-256 hash of the secret is stored; the key id is part of
/// the presented value (<c>rk_{id}_{secret}</c>) so lookup is by id and comparison is constant-time.
/// </summary>
internal sealed class ApiKey
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string SecretHash { get; set; } = "";
    public string Scope { get; set; } = "";
    /// <summary>The one base whose scores the key may import (EXAM-09); null for a province-wide key (and every key made before binding existed).</summary>
    public string? BaseCode { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public static string Hash(string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static string Format(Guid id, string secret) => $"rk_{id:N}_{secret}";

    public static bool TryParse(string presented, out Guid id, out string secret)
    {
        id = Guid.Empty;
        secret = "";
        var parts = presented.Split('_', 3);
        if (parts.Length != 3 || parts[0] != "rk" || !Guid.TryParseExact(parts[1], "N", out id)) return false;
        secret = parts[2];
        return secret.Length > 0;
    }

    public bool Matches(string secret) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(SecretHash));
}
