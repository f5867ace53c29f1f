namespace Recruitment.Rotation.Features.Plans;

/// <summary>The module's routes and the base checks every slice of it shares.</summary>
internal static class RotationAccess
{
    public const string Tag = "Rotation";

    /// <summary>The module's routes, under one prefix and tag.</summary>
    public static RouteGroupBuilder RotationApi(this IEndpointRouteBuilder app) => app.MapModule("/api/rotation", Tag);

    /// <summary>A base the caller acts for (a base admin only their own) and one of a loaded cycle's bases.</summary>
    public static async Task<Refusal?> ForBaseAsync(IQuerySession session, string baseCode, Caller caller, CancellationToken ct)
    {
        if (caller.ActsForBase(baseCode) is { } forbidden) return forbidden;
        var cycles = await session.Query<RotationCycle>().ToListAsync(ct);
        return cycles.Any(c => c.BaseCodes.Contains(baseCode)) ? null : BaseNotFound(baseCode);
    }

    public static Refusal BaseNotFound(string baseCode) => Refusal.NotFound("base.not_found", $"No training base {baseCode}.");

    public static Refusal CycleNotFound(int year) => Refusal.NotFound("cycle.not_found", $"No recruitment cycle {year}.");

    /// <summary>The base a list is filtered by: the one asked for, else a base admin's own; a base admin only their own.</summary>
    public static Refusal? ListedBase(string? baseCode, Caller caller, out string? code)
    {
        code = baseCode?.ToUpperInvariant() ?? (caller.Is(Roles.BaseAdmin) ? caller.BaseCode : null);
        return code is null ? null : caller.ActsForBase(code);
    }

    /// <summary>The codes of the department catalogue.</summary>
    public static async Task<HashSet<string>> DepartmentsAsync(IQuerySession session, CancellationToken ct) =>
        (await session.Query<Department>().Select(d => d.Id).ToListAsync(ct)).ToHashSet();
}
