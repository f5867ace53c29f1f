namespace Recruitment.Identity.Features;

/// <summary>
/// EXAM-09: <c>baseCode</c> binds the key to one base; <c>provinceWide</c> makes the province's written-exam key (its own scope,
/// center only). A key with neither is province-wide as every key made before binding existed (kept for existing jobs).
/// </summary>
internal sealed record CreateApiKeyRequest(string? Name, DateTimeOffset? ExpiresAt, string? BaseCode = null, bool? ProvinceWide = null);

/// <summary>The secret is shown once, here; only its hash is kept.</summary>
internal sealed record CreatedApiKey(Guid KeyId, string Name, string Key, string Scope, DateTimeOffset? ExpiresAt, string? BaseCode = null);

internal sealed class ApiKeyEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/auth/api-keys").WithTags("Auth")
            .RequireAuthorization(Policies.OperatorOrCenterAdmin);
        group.MapPost("", Create);
        group.MapDelete("/{keyId:guid}", Revoke);
    }

    private static async Task<IResult> Create(CreateApiKeyRequest request, ClaimsPrincipal user, IIdentityStore store,
        TimeProvider clock, CancellationToken ct)
    {
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 100)
            throw DomainException.Invalid("api_key.name_required", "name is required (at most 100 characters).");
        var now = clock.GetUtcNow();
        if (request.ExpiresAt is { } expires && expires <= now)
            throw DomainException.Invalid("api_key.expiry_in_past", "expiresAt must lie in the future.");

        var baseCode = string.IsNullOrWhiteSpace(request.BaseCode) ? null : request.BaseCode.Trim().ToUpperInvariant();
        var provinceWide = request.ProvinceWide == true;
        if (baseCode is not null && (provinceWide || baseCode.Length > 16 || !baseCode.All(char.IsAsciiLetterOrDigit)))
            return Refusal.Invalid("api_key.invalid_base",
                "baseCode is a base code (letters and digits), and a key bound to a base is not province-wide (EXAM-09).").ToResult();
        if (provinceWide && !user.IsInRole(Roles.CenterAdmin))
            return Refusal.Forbidden("api_key.province_wide_center_only", "Only the center creates a province-wide score key (EXAM-09).").ToResult();

        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            SecretHash = ApiKey.Hash(secret),
            Scope = provinceWide ? RecruitmentClaims.ProvinceScoreImportScope : RecruitmentClaims.ScoreImportScope,
            BaseCode = baseCode,
            CreatedBy = user.Actor(),
            CreatedAt = now,
            ExpiresAt = request.ExpiresAt,
        };
        await using var session = store.LightweightSession();
        session.Insert(key);
        await session.SaveChangesAsync(ct);
        return Results.Created($"/api/auth/api-keys/{key.Id}",
            new CreatedApiKey(key.Id, key.Name, ApiKey.Format(key.Id, secret), key.Scope, key.ExpiresAt, key.BaseCode));
    }

    private static async Task<IResult> Revoke(Guid keyId, ClaimsPrincipal user, IIdentityStore store,
        TimeProvider clock, CancellationToken ct)
    {
        await using var session = store.LightweightSession();
        var key = await session.LoadAsync<ApiKey>(keyId, ct)
                  ?? throw DomainException.NotFound("api_key.not_found", "No API key with this id.");
        if (key.RevokedAt is null)
        {
            key.RevokedAt = clock.GetUtcNow();
            key.RevokedBy = user.Actor();
            session.Update(key);
            await session.SaveChangesAsync(ct);
        }
        return Results.NoContent();
    }
}
