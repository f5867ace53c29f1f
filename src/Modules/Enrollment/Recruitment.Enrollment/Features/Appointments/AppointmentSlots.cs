namespace Recruitment.Enrollment.Features.Appointments;

internal sealed record PublishSlotRequest(int? Year, DateTimeOffset? Start, DateTimeOffset? End, int? Capacity, string? Place);

internal sealed record SlotView(Guid SlotId, int Year, string BaseCode, DateTimeOffset Start, DateTimeOffset End, string Place, int Capacity,
    int Booked, int Remaining)
{
    public static SlotView Of(AppointmentSlot s) => new(s.Id, s.Year, s.BaseCode, s.Start, s.End, s.Place, s.Capacity, s.Booked, s.Remaining);
}

/// <summary>
/// POST /api/enrollment/bases/{baseCode}/appointment-slots: a base publishes an on-site confirmation slot with a
/// capacity, inside the cycle's on-site window (ENR-07, ENR-32). GET lists a base's slots with the places left;
/// like every schedule of ENR-07 it is public.
/// </summary>
internal sealed class AppointmentSlotEndpoints : ICarterModule
{
    private const int MaxCapacity = 2000;

    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/api/enrollment/bases/{baseCode}/appointment-slots";
        app.MapPost(route, async (string baseCode, PublishSlotRequest request, HttpContext http, IEnrollmentStore store, CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(baseCode);
                await using var session = store.LightweightSession();
                var cycle = await ApplicationAccess.Cycle(session, request.Year, ct);
                if (cycle.Bases.All(b => b.Code != baseCode)) throw DomainException.NotFound("base.not_found", $"{baseCode} is not a base of the {cycle.Id} cycle.");
                if (request.Start is not { } start || request.End is not { } end || start >= end)
                    throw DomainException.Invalid("appointment.invalid_slot", "start and end are required, start before end.");
                if (request.Capacity is not (>= 1 and <= MaxCapacity) || request.Capacity is not { } capacity)
                    throw DomainException.Invalid("appointment.invalid_slot", $"capacity is a whole number from 1 to {MaxCapacity}.");
                if (string.IsNullOrWhiteSpace(request.Place) || request.Place.Length > 200)
                    throw DomainException.Invalid("appointment.invalid_slot", "place names where to come (at most 200 characters).");
                if (start < cycle.Calendar.OnsiteConfirmationStart || end > cycle.Calendar.OnsiteConfirmationEnd)
                    throw new DomainException("appointment.outside_window",
                        $"Slots lie inside the on-site confirmation window {cycle.Calendar.OnsiteConfirmationStart:yyyy-MM-dd HH:mm} .. {cycle.Calendar.OnsiteConfirmationEnd:yyyy-MM-dd HH:mm zzz} (ENR-32).");
                var slot = new AppointmentSlot
                {
                    Id = Guid.NewGuid(),
                    Year = cycle.Id,
                    BaseCode = baseCode,
                    Start = start,
                    End = end,
                    Capacity = capacity,
                    Place = request.Place.Trim(),
                    CreatedBy = http.User.Actor(),
                };
                session.Insert(slot);
                await session.SaveChangesAsync(ct);
                return Results.Created($"{route.Replace("{baseCode}", baseCode)}/{slot.Id}", SlotView.Of(slot));
            })
            .RequireAuthorization(Policies.BaseAdmin).WithTags("Enrollment: appointments");

        app.MapGet(route, async (string baseCode, int? year, IEnrollmentStore store, CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                await using var session = store.QuerySession();
                var cycle = await ApplicationAccess.Cycle(session, year, ct);
                var slots = await session.Query<AppointmentSlot>().Where(s => s.Year == cycle.Id && s.BaseCode == baseCode)
                    .OrderBy(s => s.Start).ToListAsync(ct);
                return slots.Select(SlotView.Of).ToList();
            })
            .AllowAnonymous().WithTags("Enrollment: appointments");
    }
}
