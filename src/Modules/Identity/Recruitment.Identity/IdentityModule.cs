using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Recruitment.Identity.Features;

namespace Recruitment.Identity;

/// <summary>The module's Marten store (schema per module). Public only because Marten and Wolverine generate code against it.</summary>
public interface IIdentityStore : IDocumentStore;

/// <summary>Accounts, tokens and API keys: who the caller is and what they may do.</summary>
public static class IdentityModule
{
    public static readonly ModuleInfo Info = new("Identity", "identity", typeof(IIdentityStore), typeof(IdentityModule).Assembly);

    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration, string connectionString)
    {
        var auth = AuthOptions.From(configuration);
        services.AddSingleton(auth);
        services.AddSingleton<IPasswordHasher<Account>, PasswordHasher<Account>>();
        services.AddSingleton<TokenIssuer>();
        services.AddSingleton<SignInGuard>();
        services.AddSingleton<TwoFactorCheck>();
        services.AddSingleton<AccountStatusCheck>();
        services.AddHostedService<AccountSeeder>();

        services.AddModuleStore<IIdentityStore>(Info, connectionString, opts =>
        {
            opts.Schema.For<Account>().UniqueIndex(a => a.Login);
            opts.Schema.For<ApiKey>();
            opts.Schema.For<LoginThrottle>().UseOptimisticConcurrency(true);
            opts.Schema.For<PasswordReset>().UseOptimisticConcurrency(true);
            opts.Schema.For<RefreshToken>().UseOptimisticConcurrency(true)
                .Index(t => t.AccountId).Index(t => t.FamilyId);
        });

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = auth.Issuer,
                    ValidAudience = auth.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes(auth.SigningKey)),
                    ClockSkew = TimeSpan.FromSeconds(30),
                    RoleClaimType = RecruitmentClaims.Role,
                    NameClaimType = RecruitmentClaims.Name,
                };
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = async context =>
                    {
                        var check = context.HttpContext.RequestServices.GetRequiredService<AccountStatusCheck>();
                        if (await check.ProblemAsync(context.Principal!, context.SecurityToken as JsonWebToken,
                                context.HttpContext.RequestAborted) is { } problem)
                            context.Fail(problem);
                    },
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, _ => { });

        // Token lifetimes are checked against the injected clock, like every other deadline.
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<TimeProvider>((o, clock) => o.TokenValidationParameters.LifetimeValidator =
                (notBefore, expires, _, p) =>
                {
                    var now = clock.GetUtcNow().UtcDateTime;
                    return (notBefore is null || notBefore <= now + p.ClockSkew) && expires is not null && now - p.ClockSkew < expires;
                });

        services.AddAuthorizationBuilder()
            // Defence in depth: an endpoint that forgot its policy still demands a signed-in caller.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.AnyUser, p => p.RequireAuthenticatedUser()
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme))
            .AddPolicy(Policies.AnyCaller, p => p.RequireAuthenticatedUser()
                .AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme, ApiKeyAuthenticationHandler.SchemeName))
            .AddPolicy(Policies.ScoreImport, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                .RequireClaim(RecruitmentClaims.Scope, RecruitmentClaims.ScoreImportScope, RecruitmentClaims.ProvinceScoreImportScope))
            .AddPolicy(Policies.ScoreImportOrCenterAdmin, p => p
                .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName, JwtBearerDefaults.AuthenticationScheme)
                .RequireAssertion(c => c.User.HasClaim(RecruitmentClaims.Scope, RecruitmentClaims.ScoreImportScope)
                                       || c.User.HasClaim(RecruitmentClaims.Scope, RecruitmentClaims.ProvinceScoreImportScope)
                                       || c.User.IsInRole(Roles.CenterAdmin)
                                       // a base admin polls the batches they imported themselves (EXAM-09); the route checks whose batch it is
                                       || c.User.IsInRole(Roles.BaseAdmin)));
        services.AddAuthorization(o =>
        {
            foreach (var (name, roles) in Policies.RoleMap)
            {
                o.AddPolicy(name, p =>
                {
                    p.AddAuthenticationSchemes(JwtBearerDefaults.AuthenticationScheme).RequireRole(roles);
                    if (name == Policies.FellowshipApplicant)
                        p.RequireClaim(RecruitmentClaims.Programme, Programmes.Fellowship);
                    else if (name == Policies.Applicant)
                        p.RequireClaim(RecruitmentClaims.Programme, Programmes.Recruitment);
                });
            }
        });
        return services;
    }
}

/// <summary>
/// Token, lockout, reset-code and two-factor settings (section <c>Auth</c>). The signing key is a secret: never in the
/// repository.
/// </summary>
internal sealed record AuthOptions(string Issuer, string Audience, string SigningKey, TimeSpan AccessTokenLifetime)
{
    public TimeSpan RefreshTokenLifetime { get; init; } = TimeSpan.FromDays(7);
    public int LockoutFailures { get; init; } = 10;
    public TimeSpan LockoutDuration { get; init; } = TimeSpan.FromMinutes(15);
    public TimeSpan ResetCodeLifetime { get; init; } = TimeSpan.FromMinutes(10);
    public int ResetCodeAttempts { get; init; } = 5;
    /// <summary>Codes one account may be sent per <see cref="ResetCodeWindow"/>, so nobody floods a mailbox or phone.</summary>
    public int ResetCodesPerWindow { get; init; } = 3;
    public TimeSpan ResetCodeWindow { get; init; } = TimeSpan.FromHours(1);
    /// <summary>How long a node trusts its cached view of an account (disabled, password changed) before asking again.</summary>
    public TimeSpan AccountStatusCacheLifetime { get; init; } = TimeSpan.FromSeconds(30);
    public IReadOnlySet<string> TwoFactorRequiredRoles { get; init; } = new HashSet<string>();

    public static AuthOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Auth");
        var key = section["SigningKey"];
        if (string.IsNullOrWhiteSpace(key) || Encoding.UTF8.GetByteCount(key) < 32)
            throw new InvalidOperationException("Setting Auth:SigningKey is missing or shorter than 32 bytes.");
        var required = section.GetSection("TwoFactor:RequiredRoles").Get<string[]>()
                       ?? [Roles.CenterAdmin, Roles.PhcAdmin, Roles.Operator];
        // An explicitly empty list (e.g. "none") turns the requirement off.
        required = required.Where(r => Roles.All.Contains(r)).ToArray();
        return new AuthOptions(
            section["Issuer"] ?? "recruitment",
            section["Audience"] ?? "recruitment",
            key,
            TimeSpan.FromMinutes(section.GetValue("AccessTokenMinutes", 10)))
        {
            RefreshTokenLifetime = TimeSpan.FromHours(section.GetValue("RefreshTokenHours", 168)),
            LockoutFailures = section.GetValue("Lockout:Failures", 10),
            LockoutDuration = TimeSpan.FromMinutes(section.GetValue("Lockout:Minutes", 15)),
            ResetCodeLifetime = TimeSpan.FromMinutes(section.GetValue("PasswordReset:CodeMinutes", 10)),
            ResetCodeAttempts = section.GetValue("PasswordReset:Attempts", 5),
            ResetCodesPerWindow = section.GetValue("PasswordReset:CodesPerHour", 3),
            AccountStatusCacheLifetime = TimeSpan.FromSeconds(section.GetValue("AccountStatusCacheSeconds", 30)),
            TwoFactorRequiredRoles = required.ToHashSet(),
        };
    }
}
