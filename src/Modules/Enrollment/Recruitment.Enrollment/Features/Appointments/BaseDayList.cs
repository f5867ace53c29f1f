namespace Recruitment.Enrollment.Features.Appointments;

internal sealed record DayListEntry(DateTimeOffset Start, DateTimeOffset End, string Place, Guid ApplicationId, string Name, string SpecialtyCode,
    string? OtherSpecialty, string Status, bool Due);

/// <summary>
/// GET /api/enrollment/bases/{baseCode}/appointments?date=2024-07-01: the base's list of the day, by slot time then
/// name (ENR-07), for the base and the center. <c>due=true</c> is the confirmation desk's view: booked for that day
/// and not confirmed yet.
/// </summary>
internal sealed class BaseDayListEndpoint : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app) =>
        app.MapGet("/api/enrollment/bases/{baseCode}/appointments", async (string baseCode, DateOnly? date, bool? due, int? year, HttpContext http,
                IEnrollmentStore store, CancellationToken ct) =>
            {
                baseCode = baseCode.ToUpperInvariant();
                http.User.EnsureActsForBase(baseCode);
                if (date is not { } day) throw DomainException.Invalid("appointment.date_required", "date (yyyy-MM-dd, China time) names the day.");
                await using var session = store.QuerySession();
                var cycle = await ApplicationAccess.Cycle(session, year, ct);
                var from = ChinaTime.StartOf(day);
                var to = from.AddDays(1);
                var slots = await session.Query<AppointmentSlot>()
                    .Where(s => s.Year == cycle.Id && s.BaseCode == baseCode && s.Start >= from && s.Start < to).ToListAsync(ct);
                var slotIds = slots.Select(s => s.Id).ToArray();
                var appointments = await session.Query<Appointment>().Where(a => a.SlotId.IsOneOf(slotIds)).ToListAsync(ct);
                var applications = (await session.LoadManyAsync<Application>(ct, appointments.Select(a => a.Id).ToArray())).ToDictionary(a => a.Id);
                var bySlot = slots.ToDictionary(s => s.Id);
                return appointments
                    .Where(a => applications.ContainsKey(a.Id))
                    .Select(a =>
                    {
                        var slot = bySlot[a.SlotId];
                        var application = applications[a.Id];
                        return new DayListEntry(slot.Start, slot.End, slot.Place, application.Id, application.Name, application.SpecialtyCode,
                            application.OtherSpecialty, application.Status.ToString(), application.Status == ApplicationStatus.APPROVED);
                    })
                    .Where(e => due != true || e.Due)
                    .OrderBy(e => e.Start).ThenBy(e => e.Name, StringComparer.Ordinal)
                    .ToList();
            })
            .RequireAuthorization(Policies.BaseOrCenterAdmin).WithTags("Enrollment: appointments");
}
