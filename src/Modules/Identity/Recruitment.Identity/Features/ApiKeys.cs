namespace Recruitment.Identity.Features;

internal sealed record CreateApiKeyRequest(string? Name, DateTimeOffset? ExpiresAt);

/// <summary>The secret is shown once, here; only its hash is kept.</summary>
internal sealed record CreatedApiKey(Guid KeyId, string Name, string Key, string Scope, DateTimeOffset? ExpiresAt);

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

        var secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32)).ToLowerInvariant();
        var key = new ApiKey
        {
            Id = Guid.CreateVersion7(),
            Name = name,
            SecretHash = ApiKey.Hash(secret),
            Scope = RecruitmentClaims.ScoreImportScope,
            CreatedBy = user.Actor(),
            CreatedAt = now,
            ExpiresAt = request.ExpiresAt,
        };
        await using var session = store.LightweightSession();
        session.Insert(key);
        await session.SaveChangesAsync(ct);
        return Results.Created($"/api/auth/api-keys/{key.Id}",
            new CreatedApiKey(key.Id, key.Name, ApiKey.Format(key.Id, secret), key.Scope, key.ExpiresAt));
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
