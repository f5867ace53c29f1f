namespace Recruitment.Rotation.Features.Capacities;

public sealed record CapacityInput(string? Department, int? PerMonth);

public sealed record CapacitiesRequest(List<CapacityInput>? Departments);

public sealed record SetCapacities(string BaseCode, Caller Caller, CapacitiesRequest Request);

public sealed record CapacityRow(string Department, int PerMonth);

public sealed record CapacitiesView(string BaseCode, IReadOnlyList<CapacityRow> Departments, string? UpdatedBy, DateTimeOffset? UpdatedAt)
{
    internal static CapacitiesView Of(string baseCode, BaseCapacity? c) => new(baseCode,
        (c?.PerMonth ?? []).OrderBy(kv => kv.Key).Select(kv => new CapacityRow(kv.Key, kv.Value)).ToList(), c?.UpdatedBy, c?.UpdatedAt);
}

/// <summary>
/// GET / PUT /api/rotation/bases/{baseCode}/capacities: how many trainees each department of the base hosts per
/// month. PUT (the base's admin) replaces the whole list; a department not listed hosts nobody.
/// Known departments only, each once, 0 to 1000 trainees. The center may read every base's.
/// </summary>
internal sealed class CapacitiesEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        var api = app.RotationApi();
        api.MapGet("/bases/{baseCode}/capacities", async (string baseCode, Caller caller, IRotationStore store, CancellationToken ct) =>
            {
                var code = baseCode.ToUpperInvariant();
                await using var session = store.QuerySession();
                if (await RotationAccess.ForBaseAsync(session, code, caller, ct) is { } refused) return refused.ToResult();
                return Results.Ok(CapacitiesView.Of(code, await session.LoadAsync<BaseCapacity>(code, ct)));
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin);

        api.MapPut("/bases/{baseCode}/capacities", (string baseCode, CapacitiesRequest body, Caller caller, IMessageBus bus, CancellationToken ct) =>
                bus.SendAsync<CapacitiesView>(new SetCapacities(baseCode.ToUpperInvariant(), caller, body), ct))
            .RequireAuthorization(Policies.BaseAdmin);
    }
}

[MartenStore(typeof(IRotationStore))]
public static class SetCapacitiesHandler
{
    public static async Task<Outcome<CapacitiesView>> Handle(SetCapacities command, IDocumentSession session, TimeProvider clock, CancellationToken ct)
    {
        var code = command.BaseCode;
        if (await RotationAccess.ForBaseAsync(session, code, command.Caller, ct) is { } refused) return refused;
        var known = await RotationAccess.DepartmentsAsync(session, ct);
        var perMonth = new Dictionary<string, int>();
        foreach (var row in command.Request.Departments ?? [])
        {
            var department = row.Department?.Trim().ToUpperInvariant() ?? "";
            if (!known.Contains(department))
                return Refusal.Invalid("capacity.unknown_department", $"Unknown department '{row.Department}'.");
            if (row.PerMonth is not (>= 0 and <= 1000))
                return Refusal.Invalid("capacity.invalid", $"{department}: perMonth is a whole number from 0 to 1000.");
            if (!perMonth.TryAdd(department, row.PerMonth.Value))
                return Refusal.Invalid("capacity.duplicate_department", $"{department} is listed twice.");
        }
        var capacity = new BaseCapacity { Id = code, PerMonth = perMonth, UpdatedBy = command.Caller.Actor, UpdatedAt = clock.GetUtcNow() };
        session.Store(capacity);
        return CapacitiesView.Of(code, capacity);
    }
}
