using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests.Appointments;

/// <summary>On-site confirmation appointments (ENR-07): slots, bookings, moves, cancellations, the day's list.</summary>
[Collection(OnsiteCollection.Name)]
public sealed class AppointmentTests(RecruitmentApp app)
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    private static async Task<Guid> SlotAsync(HttpClient admin, string baseCode, int year, int day, int hour, int capacity)
    {
        var response = await admin.PostAsJsonAsync($"/api/enrollment/bases/{baseCode}/appointment-slots", new
        {
            year,
            start = new DateTimeOffset(2024, 7, day, hour, 0, 0, China),
            end = new DateTimeOffset(2024, 7, day, hour + 1, 0, 0, China),
            capacity,
            place = "门诊楼三楼会议室 Outpatient building, 3F",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.JsonAsync()).GetProperty("slotId").GetGuid();
    }

    /// <summary>A signed-in applicant whose residency application the base has approved.</summary>
    private async Task<(Guid ApplicationId, HttpClient Client, string IdNumber)> ApprovedAsync(int year, string baseCode, string name = "预约人", bool approved = true)
    {
        var (idNumber, client) = await Applicants.RegisterAsync(app, withPhoto: false);
        var me = await (await client.GetAsync("/api/auth/whoami")).JsonAsync();
        var at = new DateTimeOffset(2024, 6, 20, 9, 0, 0, China);
        var id = Guid.NewGuid();
        await using var session = app.Service<IEnrollmentStore>().LightweightSession();
        var events = new List<object>
        {
            new ApplicationSubmitted(year, Guid.Parse(me.GetProperty("subject").GetString()!), TestIds.NewResidentId(), name, "13900000000",
                Applicants.Independent(baseCode, "GP"), Applicants.Profile(), [], "seed", at),
        };
        if (approved) events.Add(new ApplicationApproved(null, "seed", at.AddDays(1)));
        session.Events.StartStream<Application>(id, events.ToArray());
        await session.SaveChangesAsync();
        return (id, client, idNumber);
    }

    [Fact]
    public async Task Thirty_concurrent_bookings_of_a_ten_place_slot_give_exactly_ten()
    {
        app.Clock.Set(2024, 6, 28);
        var year = await NewCycleAsync(app);
        using var b01 = await app.SignedInAsync("t-b01");
        var slot = await SlotAsync(b01, "B01", year, 1, 9, capacity: 10);
        var applicants = new List<(Guid, HttpClient, string)>();
        for (var i = 0; i < 30; i++) applicants.Add(await ApprovedAsync(year, "B01"));

        var responses = await Task.WhenAll(applicants.Select(a => a.Item2.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = slot })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(10);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.OK))
            await refused.ShouldBeProblemAsync(HttpStatusCode.Conflict, "appointment.slot_full");
        using var anonymous = app.Anonymous();
        var listed = (await (await anonymous.GetAsync($"/api/enrollment/bases/B01/appointment-slots?year={year}")).JsonAsync()).EnumerateArray().Single();
        (listed.GetProperty("booked").GetInt32(), listed.GetProperty("remaining").GetInt32()).ShouldBe((10, 0));
        var day = await (await b01.GetAsync($"/api/enrollment/bases/B01/appointments?date=2024-07-01&year={year}")).JsonAsync();
        day.GetArrayLength().ShouldBe(10);
        foreach (var (_, client, _) in applicants) client.Dispose();
    }

    [Fact]
    public async Task An_applicant_books_moves_and_cancels_and_the_desk_sees_who_is_due()
    {
        app.Clock.Set(2024, 6, 28);
        var year = await NewCycleAsync(app);
        using var b01 = await app.SignedInAsync("t-b01");
        var morning = await SlotAsync(b01, "B01", year, 2, 9, capacity: 1);
        var afternoon = await SlotAsync(b01, "B01", year, 2, 14, capacity: 5);
        var (applicationId, applicant, _) = await ApprovedAsync(year, "B01", "甲");
        var (_, other, _) = await ApprovedAsync(year, "B01", "乙");

        await (await applicant.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = morning })).ShouldBeSuccessAsync();
        await (await other.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = morning })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "appointment.slot_full");
        // Moving frees the first slot's place for the other applicant.
        await (await applicant.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = afternoon })).ShouldBeSuccessAsync();
        await (await other.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = morning })).ShouldBeSuccessAsync();
        var mine = await (await applicant.GetAsync($"/api/enrollment/me/appointment?year={year}")).JsonAsync();
        mine.GetProperty("slot").GetProperty("slotId").GetGuid().ShouldBe(afternoon);

        var desk = await (await b01.GetAsync($"/api/enrollment/bases/B01/appointments?date=2024-07-02&due=true&year={year}")).JsonAsync();
        desk.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ShouldBe(["乙", "甲"]);
        // Once confirmed, an applicant is no longer due.
        await using (var session = app.Service<IEnrollmentStore>().LightweightSession())
        {
            session.Events.Append(applicationId, new OnsiteConfirmed(false, "seed", new DateTimeOffset(2024, 7, 2, 14, 10, 0, China)));
            await session.SaveChangesAsync();
        }
        desk = await (await b01.GetAsync($"/api/enrollment/bases/B01/appointments?date=2024-07-02&due=true&year={year}")).JsonAsync();
        desk.EnumerateArray().Select(e => e.GetProperty("name").GetString()).ShouldBe(["乙"]);

        (await other.DeleteAsync($"/api/enrollment/me/appointment?year={year}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        await (await other.GetAsync($"/api/enrollment/me/appointment?year={year}")).ShouldBeProblemAsync(HttpStatusCode.NotFound, "appointment.not_found");
        using var anonymous = app.Anonymous();
        var slots = await (await anonymous.GetAsync($"/api/enrollment/bases/B01/appointment-slots?year={year}")).JsonAsync();
        slots.EnumerateArray().Select(s => s.GetProperty("booked").GetInt32()).ShouldBe([0, 1], "the cancellation freed the morning place");
    }

    [Fact]
    public async Task Bad_slots_and_bookings_are_refused_and_change_nothing()
    {
        app.Clock.Set(2024, 6, 28);
        var year = await NewCycleAsync(app);
        using var b01 = await app.SignedInAsync("t-b01");
        using var b02 = await app.SignedInAsync("t-b02");
        await (await b01.PostAsJsonAsync("/api/enrollment/bases/B01/appointment-slots", new
        {
            year,
            start = new DateTimeOffset(2024, 7, 5, 9, 0, 0, China),
            end = new DateTimeOffset(2024, 7, 5, 10, 0, 0, China),
            capacity = 10,
            place = "A",
        })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "appointment.outside_window");
        await (await b01.PostAsJsonAsync("/api/enrollment/bases/B01/appointment-slots", new
        {
            year,
            start = new DateTimeOffset(2024, 7, 1, 9, 0, 0, China),
            end = new DateTimeOffset(2024, 7, 1, 10, 0, 0, China),
            capacity = 0,
            place = "A",
        })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "appointment.invalid_slot");
        (await b02.PostAsJsonAsync("/api/enrollment/bases/B01/appointment-slots", new
        {
            year,
            start = new DateTimeOffset(2024, 7, 1, 9, 0, 0, China),
            end = new DateTimeOffset(2024, 7, 1, 10, 0, 0, China),
            capacity = 5,
            place = "A",
        })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await b02.GetAsync($"/api/enrollment/bases/B01/appointments?date=2024-07-01&year={year}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var b01Slot = await SlotAsync(b01, "B01", year, 3, 9, capacity: 5);
        var b02Slot = await SlotAsync(b02, "B02", year, 3, 9, capacity: 5);
        var (_, approved, approvedId) = await ApprovedAsync(year, "B01");
        await (await approved.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = b02Slot }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "appointment.wrong_base");
        await (await approved.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = Guid.NewGuid() }))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "appointment.slot_not_found");
        var (_, pending, _) = await ApprovedAsync(year, "B01", approved: false);
        await (await pending.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = b01Slot }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "appointment.not_approved");

        app.Clock.Set(2024, 7, 3, 9, 30);
        using var later = await app.SignedInAsync(approvedId, Applicants.Password);
        await (await later.PutAsJsonAsync("/api/enrollment/me/appointment", new { slotId = b01Slot }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "appointment.slot_started");
        using var anonymous = app.Anonymous();
        var slots = await (await anonymous.GetAsync($"/api/enrollment/bases/B01/appointment-slots?year={year}")).JsonAsync();
        slots.EnumerateArray().Single().GetProperty("booked").GetInt32().ShouldBe(0);
    }
}
