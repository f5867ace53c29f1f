namespace Recruitment.Rotation.Features.Capacities;

internal sealed record CapacityInput(string? Department, int? PerMonth);

internal sealed record CapacitiesRequest(List<CapacityInput>? Departments);

/// <summary>
/// GET / PUT /api/rotation/bases/{baseCode}/capacities: how many trainees each department of the base hosts per
/// month (issue item 3). PUT (the base's admin) replaces the whole list; a department not listed hosts nobody.
/// Known departments only, each once, 0 to 1000 trainees. The center may read every base's.
/// </summary>
internal sealed class CapacitiesEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/rotation/bases/{baseCode}/capacities", async (string baseCode, HttpContext http, IRotationStore store, CancellationToken ct) =>
            {
                var code = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(code);
                await using var session = store.QuerySession();
                await EnsureBaseAsync(session, code, ct);
                var capacity = await session.LoadAsync<BaseCapacity>(code, ct);
                return View(code, capacity);
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Rotation");

        app.MapPut("/api/rotation/bases/{baseCode}/capacities", async (string baseCode, CapacitiesRequest body, HttpContext http,
                IRotationStore store, TimeProvider clock, CancellationToken ct) =>
            {
                var code = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(code);
                await using var session = store.LightweightSession();
                await EnsureBaseAsync(session, code, ct);
                var known = (await session.Query<Department>().Select(d => d.Id).ToListAsync(ct)).ToHashSet();
                var perMonth = new Dictionary<string, int>();
                foreach (var row in body.Departments ?? [])
                {
                    var department = row.Department?.Trim().ToUpperInvariant() ?? "";
                    if (!known.Contains(department))
                        throw DomainException.Invalid("capacity.unknown_department", $"Unknown department '{row.Department}'.");
                    if (row.PerMonth is not (>= 0 and <= 1000))
                        throw DomainException.Invalid("capacity.invalid", $"{department}: perMonth is a whole number from 0 to 1000.");
                    if (!perMonth.TryAdd(department, row.PerMonth.Value))
                        throw DomainException.Invalid("capacity.duplicate_department", $"{department} is listed twice.");
                }
                var capacity = new BaseCapacity { Id = code, PerMonth = perMonth, UpdatedBy = http.User.Actor(), UpdatedAt = clock.GetUtcNow() };
                session.Store(capacity);
                await session.SaveChangesAsync(ct);
                return View(code, capacity);
            })
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Rotation");
    }

    internal static async Task EnsureBaseAsync(IQuerySession session, string baseCode, CancellationToken ct)
    {
        var cycles = await session.Query<RotationCycle>().ToListAsync(ct);
        if (!cycles.Any(c => c.BaseCodes.Contains(baseCode)))
            throw DomainException.NotFound("base.not_found", $"No training base {baseCode}.");
    }

    private static object View(string baseCode, BaseCapacity? c) => new
    {
        baseCode,
        departments = (c?.PerMonth ?? []).OrderBy(kv => kv.Key).Select(kv => new { department = kv.Key, perMonth = kv.Value }),
        updatedBy = c?.UpdatedBy,
        updatedAt = c?.UpdatedAt,
    };
}
