namespace Recruitment.Identity.Features;

[MartenStore(typeof(IIdentityStore))]
public static class RegisterAccountHandler
{
    public static async Task<(AccountRegistered, AccountChanged)> Handle(RegisterAccount command, IDocumentSession session,
        IPasswordHasher<Account> hasher, TimeProvider clock, CancellationToken ct)
    {
        PasswordRules.Check(command.Password);
        if (!Roles.All.Contains(command.Role))
            throw DomainException.Invalid("account.unknown_role", $"Unknown role '{command.Role}'.");

        var login = Account.Normalise(command.Login);
        if (await session.Query<Account>().FirstOrDefaultAsync(a => a.Login == login, ct) is { } existing)
        {
            // A retry of the same registration (same password, role and programme) gets the same account, so a caller
            // whose later step failed can finish it; anyone else learns only that the login is taken.
            if (existing.Role == command.Role && existing.Programme == command.Programme && existing.PasswordHash is { } hash
                && hasher.VerifyHashedPassword(existing, hash, command.Password) != PasswordVerificationResult.Failed)
                return (new AccountRegistered(existing.Id), existing.Changed(existing.CreatedAt));
            throw DomainException.Conflict("account.exists", "An account with this login already exists.");
        }

        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            Login = login,
            Role = command.Role,
            Programme = command.Programme,
            DisplayName = command.DisplayName,
            BaseCode = command.BaseCode,
            Mobile = command.Mobile,
            Email = command.Email,
            CreatedAt = clock.GetUtcNow(),
        };
        account.PasswordHash = hasher.HashPassword(account, command.Password);
        // Insert (not upsert): the unique index on Login turns a concurrent twin into a conflict, never a second account.
        session.Insert(account);
        return (new AccountRegistered(account.Id), account.Changed(account.CreatedAt));
    }
}

/// <summary>At least 8 characters with a letter and a digit; at most 128 (hashing cost is bounded).</summary>
internal static class PasswordRules
{
    public static void Check(string password)
    {
        if (password.Length is < 8 or > 128 || !password.Any(char.IsLetter) || !password.Any(char.IsDigit))
            throw DomainException.Invalid("account.weak_password",
                "The password must be 8 to 128 characters long and contain a letter and a digit.");
    }
}
