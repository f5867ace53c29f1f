namespace Recruitment.Enrollment.Features.Appointments;

internal sealed record BookRequest(Guid? SlotId);

internal sealed record AppointmentView(Guid ApplicationId, SlotView Slot, DateTimeOffset BookedAt);

/// <summary>
/// PUT /api/enrollment/me/appointment books an on-site confirmation slot at the applicant's base, or moves the
/// booking to another slot; DELETE cancels it; GET shows it (ENR-07). Only an approved residency application
/// awaiting confirmation books, and only before the slot starts. A full slot refuses (<c>appointment.slot_full</c>):
/// the slot's counter is taken under optimistic concurrency and a loser re-reads, so the last place goes to exactly one.
/// </summary>
internal sealed class MyAppointmentEndpoints : ICarterModule
{
    public void AddRoutes(IEndpointRouteBuilder app)
    {
        const string route = "/api/enrollment/me/appointment";
        app.MapGet(route, async (int? year, HttpContext http, IEnrollmentStore store, CancellationToken ct) =>
            {
                await using var session = store.QuerySession();
                var application = await ApplicationAccess.Own(session, http.User.AccountId(), year, ct);
                var appointment = await session.LoadAsync<Appointment>(application.Id, ct)
                                  ?? throw DomainException.NotFound("appointment.not_found", "You have no on-site appointment.");
                var slot = (await session.LoadAsync<AppointmentSlot>(appointment.SlotId, ct))!;
                return new AppointmentView(application.Id, SlotView.Of(slot), appointment.BookedAt);
            })
            .RequireAuthorization(Policies.Applicant).WithTags("Enrollment: appointments");

        app.MapPut(route, (BookRequest request, HttpContext http, IEnrollmentStore store, TimeProvider clock, CancellationToken ct) =>
                OptimisticRetry.RunAsync(async () =>
                {
                    if (request.SlotId is not { } slotId) throw DomainException.Invalid("appointment.slot_required", "slotId names the slot to book.");
                    var now = clock.GetUtcNow();
                    await using var session = store.LightweightSession();
                    var slot = await session.LoadAsync<AppointmentSlot>(slotId, ct)
                               ?? throw DomainException.NotFound("appointment.slot_not_found", $"No appointment slot {slotId}.");
                    var application = await ApplicationAccess.Own(session, http.User.AccountId(), slot.Year, ct);
                    EnsureMayBook(application, now);
                    if (slot.BaseCode != application.BaseCode)
                        throw new DomainException("appointment.wrong_base", $"Your on-site confirmation is at {application.BaseCode}, not {slot.BaseCode}.");
                    if (slot.Start <= now) throw new DomainException("appointment.slot_started", "This slot has already started; choose a later one.");

                    var existing = await session.LoadAsync<Appointment>(application.Id, ct);
                    if (existing?.SlotId == slot.Id) return Results.Ok(new AppointmentView(application.Id, SlotView.Of(slot), existing.BookedAt));
                    if (existing is not null)
                    {
                        var previous = await session.LoadAsync<AppointmentSlot>(existing.SlotId, ct);
                        if (previous is not null && previous.Start <= now)
                            throw new DomainException("appointment.slot_started", "Your booked slot has started; it can no longer be moved.");
                        if (previous is not null)
                        {
                            previous.Booked--;
                            session.Store(previous);
                        }
                    }
                    if (slot.Booked >= slot.Capacity)
                        throw DomainException.Conflict("appointment.slot_full", "This slot is fully booked; choose another one.");
                    slot.Booked++;
                    session.Store(slot);
                    var appointment = existing ?? new Appointment { Id = application.Id, Year = slot.Year, BaseCode = slot.BaseCode };
                    appointment.SlotId = slot.Id;
                    appointment.SlotStart = slot.Start;
                    appointment.BookedAt = now;
                    if (existing is null) session.Insert(appointment); else session.Store(appointment);
                    await session.SaveChangesAsync(ct);
                    return Results.Ok(new AppointmentView(application.Id, SlotView.Of(slot), now));
                }))
            .RequireAuthorization(Policies.Applicant).WithTags("Enrollment: appointments");

        app.MapDelete(route, (int? year, HttpContext http, IEnrollmentStore store, TimeProvider clock, CancellationToken ct) =>
                OptimisticRetry.RunAsync(async () =>
                {
                    await using var session = store.LightweightSession();
                    var application = await ApplicationAccess.Own(session, http.User.AccountId(), year, ct);
                    var appointment = await session.LoadAsync<Appointment>(application.Id, ct)
                                      ?? throw DomainException.NotFound("appointment.not_found", "You have no on-site appointment.");
                    var slot = await session.LoadAsync<AppointmentSlot>(appointment.SlotId, ct);
                    if (slot is not null && slot.Start <= clock.GetUtcNow())
                        throw new DomainException("appointment.slot_started", "Your booked slot has started; it can no longer be cancelled.");
                    if (slot is not null)
                    {
                        slot.Booked--;
                        session.Store(slot);
                    }
                    session.Delete(appointment);
                    await session.SaveChangesAsync(ct);
                    return Results.NoContent();
                }))
            .RequireAuthorization(Policies.Applicant).WithTags("Enrollment: appointments");
    }

    private static void EnsureMayBook(Application application, DateTimeOffset now)
    {
        if (application.Track != Track.RESIDENCY || application.Status != ApplicationStatus.APPROVED)
            throw new DomainException("appointment.not_approved",
                $"Only an approved application awaiting on-site confirmation books a slot; yours is {application.Status}.");
    }
}
