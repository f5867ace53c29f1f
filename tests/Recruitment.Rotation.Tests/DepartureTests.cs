using System.Text.Json;
using Recruitment.Enrollment.Contracts;
using Wolverine;

namespace Recruitment.Rotation.Tests;

/// <summary>
/// ENR-69 in Rotation: a trainee who left after admission leaves planning, the plan is closed with the reason and
/// the departments' load is freed from the month after the departure; a late report (ENR-66) brings the trainee
/// back with the plan to reissue. Messages delivered twice or out of order change nothing more.
/// </summary>
[Collection(RotationCollection.Name)]
public sealed class DepartureTests(RecruitmentApp app)
{
    private static string Plan(Guid id, string tail = "") => $"/api/rotation/trainees/{id}/plan{tail}";

    private static readonly DateTimeOffset August = new(2024, 8, 26, 10, 0, 0, TestClock.ChinaStandardTime);

    private static async Task<int> LoadAsync(HttpClient b01, string month)
    {
        var calendar = await (await b01.GetAsync("/api/rotation/bases/B01/calendar?year=2024")).JsonAsync();
        var index = calendar.GetProperty("months").EnumerateArray().Select(m => m.GetString()).ToList().IndexOf(month);
        return calendar.GetProperty("rows").EnumerateArray().Sum(r => r.GetProperty("occupancy")[index].GetInt32());
    }

    private async Task<JsonElement> DeliverAsync(object message, Guid id, Func<JsonElement, bool> until)
    {
        await app.Service<IMessageBus>().PublishAsync(message);
        using var b01 = await app.SignedInAsync("t-b01");
        JsonElement plan = default;
        await HttpAssertions.EventuallyAsync(async () => until(plan = await (await b01.GetAsync(Plan(id))).JsonAsync()), $"{message.GetType().Name} in Rotation");
        return plan;
    }

    [Fact]
    public async Task A_departure_closes_the_plan_frees_capacity_from_the_next_month_once_and_a_late_report_reopens_it_ENR_66_ENR_69()
    {
        app.Clock.Set(2024, 8, 26);
        await Trainees.CycleReadyAsync(app);
        var id = await Trainees.AdmitAsync(app, "B01");
        using var b01 = await app.SignedInAsync("t-b01");
        var gp = await (await b01.GetAsync("/api/rotation/templates/GP")).JsonAsync();
        var blocks = Trainees.Blocks([.. gp.GetProperty("items").EnumerateArray().Select(i => (i.GetProperty("department").GetString()!, i.GetProperty("months").GetInt32()))]);
        await (await b01.PutAsJsonAsync(Plan(id), new { blocks })).ShouldBeSuccessAsync();
        await (await b01.PostAsync(Plan(id, "/approve"), null)).ShouldBeSuccessAsync();
        var september = await LoadAsync(b01, "2024-09");

        var declined = new TraineeDeparted(id, 2024, Departure.DECLINED, "starting a master's", 8, August);
        var closed = await DeliverAsync(declined, id, p => p.GetProperty("status").GetString() == "CLOSED");
        await DeliverAsync(declined, id, p => true); // redelivered
        closed = await DeliverAsync(new TraineeDeparted(id, 2024, Departure.DECLINED, "older", 7, August), id, p => true);
        closed.GetProperty("traineeStatus").GetString().ShouldBe("DECLINED");
        closed.GetProperty("blocks").GetArrayLength().ShouldBe(0, "declined in August: nothing of the plan is left from September on");
        closed.GetProperty("timeline").EnumerateArray().Count(e => e.GetProperty("event").GetString() == "plan-closed").ShouldBe(1, "closed once");
        (await LoadAsync(b01, "2024-09")).ShouldBe(september - 1, "the department's place is free from September");
        var list = await (await b01.GetAsync("/api/rotation/bases/B01/trainees?year=2024&pageSize=100")).JsonAsync();
        list.GetProperty("items").EnumerateArray().ShouldNotContain(t => t.GetProperty("traineeId").GetGuid() == id, "out of planning");
        await (await b01.PutAsJsonAsync(Plan(id), new { blocks })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "trainee.departed");

        // A late report after NOT_REPORTED (ENR-66) brings the trainee back; the plan is to be reissued.
        var back = await DeliverAsync(new TraineeReturned(id, 2024, new DateOnly(2024, 9, 2), "flight delayed", 9, August), id,
            p => p.GetProperty("status").GetString() == "DRAFT");
        back.GetProperty("reissueRequired").GetBoolean().ShouldBeTrue();
        await DeliverAsync(new TraineeDeparted(id, 2024, Departure.NOT_REPORTED, "overtaken", 8, August), id, _ => true);
        (await (await b01.GetAsync(Plan(id))).JsonAsync()).GetProperty("status").GetString().ShouldBe("DRAFT", "an older departure changes nothing");
        (await (await b01.PutAsJsonAsync(Plan(id), new { blocks })).JsonAsync()).GetProperty("blocks").GetArrayLength().ShouldBeGreaterThan(0);
        await (await b01.PostAsync(Plan(id, "/approve"), null)).ShouldBeSuccessAsync();

        // Revoked in October, in training: the blocks up to October stay, the rest is released (ENR-67, ENR-69).
        var revoked = await DeliverAsync(new TraineeDeparted(id, 2024, Departure.REVOKED, "diploma forged",
            10, new DateTimeOffset(2024, 10, 15, 10, 0, 0, TestClock.ChinaStandardTime)), id, p => p.GetProperty("status").GetString() == "CLOSED");
        var kept = revoked.GetProperty("blocks").EnumerateArray().ToList();
        kept.ShouldNotBeEmpty();
        kept[^1].GetProperty("end").GetString().ShouldBe("2024-10-31");
        revoked.GetProperty("traineeStatus").GetString().ShouldBe("REVOKED");
    }
}
