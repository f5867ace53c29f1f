using System.Text.RegularExpressions;

namespace Recruitment.Identity.Features.Staff;

/// <summary>What the administrator sends to create or edit a staff account (the login only on creation).</summary>
public sealed record StaffAccountRequest(string? Login, string? DisplayName, string? Role, string? BaseCode, string? Email, string? Mobile);

public sealed record StaffAccountView(Guid Id, string Login, string DisplayName, string Role, string? BaseCode, string? Email,
    string? Mobile, bool Disabled, bool MustChangePassword, bool TwoFactorEnabled, DateTimeOffset CreatedAt);

/// <summary>The temporary password is shown once, here; the holder must replace it before signing in.</summary>
public sealed record CreatedStaffAccount(StaffAccountView Account, string TemporaryPassword);

internal sealed record StaffAuditEntry(string Action, string Actor, DateTimeOffset At, string? Detail);

internal sealed record DisableRequest(string? Reason);

public sealed record CreateStaffAccount(string Actor, string ActorRole, StaffAccountRequest Request);
public sealed record EditStaffAccount(Guid AccountId, string Actor, string ActorRole, StaffAccountRequest Request);
public sealed record SetStaffAccountDisabled(Guid AccountId, string Actor, string ActorRole, Guid ActorId, bool Disabled, string? Reason);
public sealed record ResetStaffPassword(Guid AccountId, string Actor, string ActorRole);

/// <summary>
/// /api/identity/staff: the provincial center and operators create, edit, disable, re-enable and search staff
/// accounts (base admins of one base, center, PHC, fellowship office, operators). A new account or a reset gets a
/// temporary password that must be changed at first sign-in. Only operators manage operator accounts. Every change
/// is appended to the account's audit stream; disabling revokes every session at once.
/// </summary>
internal sealed class StaffAccountEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/identity/staff").WithTags("Identity: staff")
            .RequireAuthorization(Policies.OperatorOrCenterAdmin);
        group.MapGet("", List);
        group.MapPost("", (StaffAccountRequest request, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
            Created(bus.InvokeAsync<CreatedStaffAccount>(new CreateStaffAccount(user.Actor(), Role(user), request), ct)));
        group.MapGet("/{accountId:guid}", Get);
        group.MapGet("/{accountId:guid}/audit", Audit);
        group.MapPut("/{accountId:guid}", (Guid accountId, StaffAccountRequest request, ClaimsPrincipal user, IMessageBus bus,
            CancellationToken ct) => bus.InvokeAsync<StaffAccountView>(new EditStaffAccount(accountId, user.Actor(), Role(user), request), ct));
        group.MapPost("/{accountId:guid}/disable", async (Guid accountId, HttpRequest http, ClaimsPrincipal user, IMessageBus bus,
                AccountStatusCheck status, CancellationToken ct) =>
            {
                var reason = (await OptionalJsonBody.ReadAsync<DisableRequest>(http, ct))?.Reason;
                return await Forgetting(status, accountId, bus.InvokeAsync<StaffAccountView>(
                    new SetStaffAccountDisabled(accountId, user.Actor(), Role(user), user.AccountId(), true, reason), ct));
            });
        group.MapPost("/{accountId:guid}/enable", (Guid accountId, ClaimsPrincipal user, IMessageBus bus, AccountStatusCheck status,
                CancellationToken ct) =>
            Forgetting(status, accountId, bus.InvokeAsync<StaffAccountView>(
                new SetStaffAccountDisabled(accountId, user.Actor(), Role(user), user.AccountId(), false, null), ct)));
        group.MapPost("/{accountId:guid}/reset-password", (Guid accountId, ClaimsPrincipal user, IMessageBus bus, CancellationToken ct) =>
            bus.InvokeAsync<CreatedStaffAccount>(new ResetStaffPassword(accountId, user.Actor(), Role(user)), ct));
    }

    private static string Role(ClaimsPrincipal user) => user.FindFirstValue(RecruitmentClaims.Role) ?? "";

    private static async Task<IResult> Created(Task<CreatedStaffAccount> creating)
    {
        var created = await creating;
        return Results.Created($"/api/identity/staff/{created.Account.Id}", created);
    }

    /// <summary>This node forgets its cached status at once; other nodes within the cache lifetime.</summary>
    private static async Task<StaffAccountView> Forgetting(AccountStatusCheck status, Guid accountId, Task<StaffAccountView> change)
    {
        var view = await change;
        status.Forget(accountId);
        return view;
    }

    private static async Task<PagedList<StaffAccountView>> List(string? search, string? role, string? baseCode, bool? disabled,
        int? page, int? pageSize, IIdentityStore store, CancellationToken ct)
    {
        var paging = Paging.From(page, pageSize);
        await using var session = store.QuerySession();
        var query = session.Query<Account>().Where(a => a.Role != Roles.Applicant);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var text = search.Trim();
            var login = Account.Normalise(text);
            query = query.Where(a => a.Login.Contains(login) || a.DisplayName.Contains(text, StringComparison.OrdinalIgnoreCase));
        }
        if (!string.IsNullOrWhiteSpace(role)) query = query.Where(a => a.Role == role);
        if (!string.IsNullOrWhiteSpace(baseCode))
        {
            var code = baseCode.Trim().ToUpperInvariant();
            query = query.Where(a => a.BaseCode == code);
        }
        if (disabled is { } d) query = d ? query.Where(a => a.DisabledAt != null) : query.Where(a => a.DisabledAt == null);
        var total = await query.CountAsync(ct);
        var items = await query.OrderBy(a => a.Login).Skip(paging.Skip).Take(paging.PageSize).ToListAsync(ct);
        return paging.Of(items.Select(StaffAccountHandler.View).ToList(), total);
    }

    private static async Task<StaffAccountView> Get(Guid accountId, IIdentityStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return StaffAccountHandler.View(StaffAccountHandler.Found(await session.LoadAsync<Account>(accountId, ct)));
    }

    private static async Task<IReadOnlyList<StaffAuditEntry>> Audit(Guid accountId, IIdentityStore store, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        StaffAccountHandler.Found(await session.LoadAsync<Account>(accountId, ct));
        var events = await session.Events.FetchStreamAsync(accountId, token: ct);
        return events.Select(e => e.Data).OfType<AccountAdministered>()
            .Select(a => new StaffAuditEntry(a.Action, a.Actor, a.At, a.Detail)).ToList();
    }
}

[MartenStore(typeof(IIdentityStore))]
public static partial class StaffAccountHandler
{
    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]{2,49}$", RegexOptions.IgnoreCase)]
    private static partial Regex LoginShape();

    [GeneratedRegex(@"^[A-Z0-9]{1,10}$")]
    private static partial Regex BaseCodeShape();

    public static async Task<(CreatedStaffAccount, AccountChanged)> Handle(CreateStaffAccount command, IDocumentSession session,
        IPasswordHasher<Account> hasher, TimeProvider clock, CancellationToken ct)
    {
        var r = command.Request;
        var loginText = r.Login?.Trim() ?? "";
        if (!LoginShape().IsMatch(loginText))
            throw DomainException.Invalid("staff.invalid_login",
                "login is 3 to 50 letters, digits, dots, dashes or underscores, starting with a letter or digit.");
        var role = StaffRole(r.Role);
        EnsureMayManage(command.ActorRole, role);
        var login = Account.Normalise(loginText);
        if (await session.Query<Account>().AnyAsync(a => a.Login == login, ct))
            throw DomainException.Conflict("account.exists", "An account with this login already exists.");

        var now = clock.GetUtcNow();
        var account = new Account
        {
            Id = Guid.CreateVersion7(),
            Login = login,
            Role = role,
            Programme = Programmes.Recruitment,
            DisplayName = DisplayName(r.DisplayName),
            BaseCode = BaseCode(role, r.BaseCode),
            Email = ContactRules.Email(r.Email),
            Mobile = ContactRules.Mobile(r.Mobile),
            CreatedAt = now,
            MustChangePassword = true,
        };
        var password = TemporaryPassword();
        account.PasswordHash = hasher.HashPassword(account, password);
        session.Insert(account);
        session.Events.StartStream<Account>(account.Id,
            new AccountAdministered("created", command.Actor, now, Describe(account)));
        return (new CreatedStaffAccount(View(account), password), account.Changed(now));
    }

    public static async Task<(StaffAccountView, AccountChanged)> Handle(EditStaffAccount command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var account = Found(await session.LoadAsync<Account>(command.AccountId, ct));
        EnsureMayManage(command.ActorRole, account.Role);
        var r = command.Request;
        var role = r.Role is null ? account.Role : StaffRole(r.Role);
        EnsureMayManage(command.ActorRole, role);
        var before = Describe(account);
        var email = ContactRules.Email(r.Email);
        var mobile = ContactRules.Mobile(r.Mobile);
        var contactChanged = email != account.Email || mobile != account.Mobile;
        account.Role = role;
        account.BaseCode = BaseCode(role, r.BaseCode ?? (role == Roles.BaseAdmin ? account.BaseCode : null));
        account.DisplayName = r.DisplayName is null ? account.DisplayName : DisplayName(r.DisplayName);
        account.Email = email;
        account.Mobile = mobile;
        var now = clock.GetUtcNow();
        var after = Describe(account);
        var detail = (before == after ? "" : $"{before} -> {after}") + (contactChanged ? " (contact details changed)" : "");
        session.Update(account);
        session.Events.Append(account.Id, new AccountAdministered("edited", command.Actor, now, detail.Trim()));
        return (View(account), account.Changed(now));
    }

    public static async Task<(StaffAccountView, AccountChanged)> Handle(SetStaffAccountDisabled command, IDocumentSession session,
        TimeProvider clock, CancellationToken ct)
    {
        var account = Found(await session.LoadAsync<Account>(command.AccountId, ct));
        EnsureMayManage(command.ActorRole, account.Role);
        if (command.Disabled && account.Id == command.ActorId)
            throw new DomainException("staff.cannot_disable_self", "Nobody disables their own account; ask another administrator.");
        var now = clock.GetUtcNow();
        if (command.Disabled == account.IsDisabled) return (View(account), account.Changed(now));

        account.DisabledAt = command.Disabled ? now : null;
        session.Update(account);
        if (command.Disabled) await RefreshSessionEndpoints.RevokeAsync(session, t => t.AccountId == account.Id, "disabled", now, ct);
        var reason = command.Reason?.Trim();
        session.Events.Append(account.Id, new AccountAdministered(command.Disabled ? "disabled" : "enabled", command.Actor, now,
            string.IsNullOrEmpty(reason) ? null : reason[..Math.Min(reason.Length, 500)]));
        return (View(account), account.Changed(now));
    }

    public static async Task<CreatedStaffAccount> Handle(ResetStaffPassword command, IDocumentSession session,
        IPasswordHasher<Account> hasher, TimeProvider clock, CancellationToken ct)
    {
        var account = Found(await session.LoadAsync<Account>(command.AccountId, ct));
        EnsureMayManage(command.ActorRole, account.Role);
        var now = clock.GetUtcNow();
        var password = TemporaryPassword();
        account.PasswordHash = hasher.HashPassword(account, password);
        account.MustChangePassword = true;
        account.PasswordChangedAt = now;
        session.Update(account);
        await RefreshSessionEndpoints.RevokeAsync(session, t => t.AccountId == account.Id, "password-reset", now, ct);
        session.Events.Append(account.Id, new AccountAdministered("password-reset", command.Actor, now, null));
        return new CreatedStaffAccount(View(account), password);
    }

    internal static Account Found(Account? account) =>
        account is null || !account.IsStaff
            ? throw DomainException.NotFound("staff.not_found", "No staff account with this id.")
            : account;

    internal static StaffAccountView View(Account a) => new(a.Id, a.Login.ToLowerInvariant(), a.DisplayName, a.Role, a.BaseCode,
        a.Email, a.Mobile, a.IsDisabled, a.MustChangePassword, a.TotpSecret is not null, a.CreatedAt);

    /// <summary>Operators manage every staff account; the center every one but operators'.</summary>
    private static void EnsureMayManage(string actorRole, string targetRole)
    {
        if (actorRole == Roles.Operator) return;
        if (actorRole == Roles.CenterAdmin && targetRole != Roles.Operator) return;
        throw DomainException.Forbidden("staff.role_not_allowed", $"A {actorRole} may not manage {targetRole} accounts.");
    }

    private static string StaffRole(string? role) =>
        role is not null && role != Roles.Applicant && Roles.All.Contains(role)
            ? role
            : throw DomainException.Invalid("staff.invalid_role",
                $"role must be one of {string.Join(", ", Roles.All.Where(r => r != Roles.Applicant))}.");

    private static string DisplayName(string? name)
    {
        var value = name?.Trim() ?? "";
        return value.Length is > 0 and <= 50
            ? value
            : throw DomainException.Invalid("staff.display_name_required", "displayName is required (at most 50 characters).");
    }

    private static string? BaseCode(string role, string? baseCode)
    {
        var code = baseCode?.Trim().ToUpperInvariant();
        if (role != Roles.BaseAdmin)
            return string.IsNullOrEmpty(code)
                ? null
                : throw DomainException.Invalid("staff.base_not_allowed", "Only a base admin is bound to a base.");
        return code is not null && BaseCodeShape().IsMatch(code)
            ? code
            : throw DomainException.Invalid("staff.base_required", "A base admin needs the code of their base (e.g. B03).");
    }

    private static string Describe(Account a) => a.BaseCode is null ? $"role={a.Role}" : $"role={a.Role} base={a.BaseCode}";

    /// <summary>16 characters from an alphabet without look-alikes; always a letter and a digit (PasswordRules).</summary>
    private static string TemporaryPassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        var chars = Enumerable.Range(0, 14).Select(_ => (letters + digits)[RandomNumberGenerator.GetInt32(letters.Length + digits.Length)])
            .Append(letters[RandomNumberGenerator.GetInt32(letters.Length)])
            .Append(digits[RandomNumberGenerator.GetInt32(digits.Length)]);
        return new string(chars.ToArray());
    }
}
