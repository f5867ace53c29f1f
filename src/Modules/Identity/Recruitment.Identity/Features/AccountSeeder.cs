using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Recruitment.Identity.Features;

/// <summary>
/// Creates the first staff accounts at start-up, idempotently: those listed under
/// <c>Identity:Accounts</c> (operators and admins of a real installation, passwords from the
/// environment or a secret store), and in Development the demo accounts listed in the README.
/// An existing login is never overwritten. Runs after the messaging has started, so that every start re-announces the
/// configured accounts (<see cref="AccountChanged"/>, an idempotent upsert for the consumers).
/// </summary>
internal sealed class AccountSeeder(IConfiguration configuration, IHostEnvironment environment, IIdentityStore store,
    IPasswordHasher<Account> hasher, TimeProvider clock, IServiceScopeFactory scopes, ILogger<AccountSeeder> logger) : AfterStartTask
{
    internal sealed class SeedAccount
    {
        public string Login { get; set; } = "";
        public string Password { get; set; } = "";
        public string Role { get; set; } = "";
        public string? BaseCode { get; set; }
        public string? DisplayName { get; set; }
    }

    private static SeedAccount Demo(string login, string password, string role, string? baseCode, string displayName) =>
        new() { Login = login, Password = password, Role = role, BaseCode = baseCode, DisplayName = displayName };

    /// <summary>Development only; the passwords are public (README) and worthless elsewhere.</summary>
    internal static readonly SeedAccount[] DemoAccounts =
    [
        Demo("operator", "Operator-2024", Roles.Operator, null, "Demo operator"),
        Demo("center", "Center-2024", Roles.CenterAdmin, null, "Demo center admin"),
        Demo("phc", "Phc-2024-admin", Roles.PhcAdmin, null, "Demo PHC admin"),
        Demo("b01-admin", "Base-2024-b01", Roles.BaseAdmin, "B01", "Demo B01 admin"),
        Demo("b07-admin", "Base-2024-b07", Roles.BaseAdmin, "B07", "Demo B07 admin"),
        Demo("fellowship", "Fellow-2024-admin", Roles.FellowshipAdmin, null, "Demo fellowship admin"),
    ];

    public override async Task StartedAsync(CancellationToken cancellationToken)
    {
        var accounts = configuration.GetSection("Identity:Accounts").Get<SeedAccount[]>() ?? [];
        if (environment.IsDevelopment() && configuration.GetValue("Identity:SeedDemoAccounts", true))
            accounts = [.. accounts, .. DemoAccounts];
        if (accounts.Length == 0) return;

        var logins = accounts.Select(a => Account.Normalise(a.Login)).ToArray();
        // Several nodes starting at once on an empty database seed the same logins: the loser of the unique login sees
        // the conflict, reads again and finds the winner's accounts, so every node starts and each login exists once.
        await OptimisticRetry.RunAsync(() => InsertMissingAsync(accounts, logins, cancellationToken), maxAttempts: 5);

        await using var session = store.QuerySession();
        // IMessageBus is scoped and this task a singleton: Development's scope validation refuses to build the host
        // when a singleton takes it directly (the demo, build/run.sh, did not start), so the bus comes from a scope.
        await using var scope = scopes.CreateAsyncScope();
        var bus = scope.ServiceProvider.GetRequiredService<IMessageBus>();
        var seeded = await session.Query<Account>().Where(a => a.Login.IsOneOf(logins)).ToListAsync(cancellationToken);
        foreach (var account in seeded)
            await bus.PublishAsync(new AccountChanged(account.Id, account.Role, account.Programme, account.DisplayName, account.BaseCode,
                account.Email, account.Mobile, account.IsDisabled, account.Version, clock.GetUtcNow()));
    }

    private async Task<bool> InsertMissingAsync(SeedAccount[] accounts, string[] logins, CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var existing = (await session.Query<Account>().Where(a => a.Login.IsOneOf(logins)).Select(a => a.Login)
            .ToListAsync(cancellationToken)).ToHashSet();
        var inserted = new List<Account>();
        foreach (var seed in accounts.Where(a => !existing.Contains(Account.Normalise(a.Login))))
        {
            if (!Roles.All.Contains(seed.Role))
                throw new InvalidOperationException($"Identity:Accounts has an unknown role '{seed.Role}'.");
            var account = new Account
            {
                Id = Guid.CreateVersion7(),
                Login = Account.Normalise(seed.Login),
                Role = seed.Role,
                Programme = Programmes.Recruitment,
                DisplayName = seed.DisplayName ?? seed.Login,
                BaseCode = seed.BaseCode,
                CreatedAt = clock.GetUtcNow(),
            };
            account.PasswordHash = hasher.HashPassword(account, seed.Password);
            session.Insert(account);
            inserted.Add(account);
            existing.Add(account.Login);
        }
        await session.SaveChangesAsync(cancellationToken);
        foreach (var account in inserted)
            logger.Seeded(account.Role, account.Login);
        return true;
    }
}

/// <summary>The log lines of this file, generated once (LoggerMessage) rather than parsed per call.</summary>
internal static partial class SeederLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Role} account {Login}")]
    public static partial void Seeded(this ILogger logger, string role, string login);
}
