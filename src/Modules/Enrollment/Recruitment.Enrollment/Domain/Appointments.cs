namespace Recruitment.Enrollment.Domain;

/// <summary>
/// An on-site confirmation time a base publishes (ENR-07), inside the cycle's on-site window (07-01..07-04),
/// with a number of places. <see cref="Booked"/> is the counter every booking takes under optimistic
/// concurrency (the document's version), so a slot is never overbooked however many book at once.
/// </summary>
internal sealed class AppointmentSlot
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public string BaseCode { get; set; } = "";
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public string Place { get; set; } = "";
    public int Capacity { get; set; }
    public int Booked { get; set; }
    public string CreatedBy { get; set; } = "";

    public int Remaining => Math.Max(0, Capacity - Booked);
}

/// <summary>An approved applicant's one booking (id = the application's id): booked, moved or cancelled by them.</summary>
internal sealed class Appointment
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public string BaseCode { get; set; } = "";
    public Guid SlotId { get; set; }
    public DateTimeOffset SlotStart { get; set; }
    public DateTimeOffset BookedAt { get; set; }
}
