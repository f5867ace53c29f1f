using System.Text.Json;

namespace Recruitment.Rotation.Tests;

/// <summary>
/// The slice flow at B03: trainees admitted (TraineeAdmitted fed through the bus; the same flow through Enrollment's
/// real admission is in the integration tests' RecruitmentFlowTests), one reduced-year with make-up items from TrainingExemption, plans
/// generated for the base under tight capacities, standard plans approved at the base, the reduced-year plan at the
/// center, and the reduced-year plan cannot start before the center's approval (ROT-05).
/// </summary>
[Collection(RotationCollection.Name)]
[Trait("Category", "Slow")]
public sealed class RotationFlowTests(RecruitmentApp app)
{
    private static string Plan(Guid id, string tail = "") => $"/api/rotation/trainees/{id}/plan{tail}";

    [Fact]
    public async Task Plans_are_generated_within_tight_capacities_and_a_reduced_year_plan_cannot_start_before_center_approval_ROT_05()
    {
        app.Clock.Set(2024, 8, 25);
        await Trainees.CycleReadyAsync(app);
        var standard = new List<Guid>();
        for (var i = 0; i < 6; i++) standard.Add(await Trainees.AdmitAsync(app, "B03"));
        var reduced = Guid.NewGuid();
        // Order-tolerant: the exemption decision arrives before the admission.
        await Trainees.DecideAsync(app, reduced, 24, 1, ("GP", 18), ("PED", 6));
        await Trainees.AdmitAsync(app, "B03", reduced: true, months: 24, id: reduced);

        // Tight: every GP-template department holds 2 trainees a month (COMM: 6 x 8 months in 36 needs 2 at once), GP and PED 1.
        using var anyone = app.Anonymous();
        var gp = await (await anyone.GetAsync("/api/rotation/templates/GP")).JsonAsync();
        var departments = gp.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("department").GetString()!).ToList();
        var capacities = departments.Select(d => new { department = d, perMonth = d == "PED" ? 3 : 2 })
            .Append(new { department = "GP", perMonth = 1 }).ToArray();
        using var b03 = await app.SignedInAsync("t-b03");
        await (await b03.PutAsJsonAsync("/api/rotation/bases/B03/capacities", new { departments = capacities })).ShouldBeSuccessAsync();

        var schedule = await (await b03.PostAsJsonAsync("/api/rotation/bases/B03/schedule", new { year = 2024 })).JsonAsync();
        schedule.GetProperty("outcome").GetString().ShouldBe("FEASIBLE");
        schedule.GetProperty("planned").GetArrayLength().ShouldBe(7);
        schedule.GetProperty("skipped").GetArrayLength().ShouldBe(0);

        // Every cell within capacity: the calendar (department x month) shows no overload.
        var calendar = await (await b03.GetAsync("/api/rotation/bases/B03/calendar?year=2024")).JsonAsync();
        calendar.GetProperty("overCapacity").GetArrayLength().ShouldBe(0);
        calendar.GetProperty("months")[0].GetString().ShouldBe("2024-09");
        var comm = calendar.GetProperty("rows").EnumerateArray().Single(r => r.GetProperty("department").GetString() == "COMM");
        comm.GetProperty("occupancy").EnumerateArray().Sum(o => o.GetInt32()).ShouldBe(48);

        // The reduced-year plan: exactly its make-up items, 2024-09-01 .. 2026-08-31.
        var plan = await (await b03.GetAsync(Plan(reduced))).JsonAsync();
        plan.GetProperty("reducedYears").GetBoolean().ShouldBeTrue();
        plan.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("department").GetString()).Order().ShouldBe(["GP", "PED"]);
        plan.GetProperty("blocks")[1].GetProperty("end").GetString().ShouldBe("2026-08-31");

        // Standard plans: approved by the base.
        foreach (var id in standard)
            (await (await b03.PostAsync(Plan(id, "/approve"), null)).JsonAsync()).GetProperty("status").GetString().ShouldBe("APPROVED");

        // The base cannot approve the reduced-year plan; it submits it to the center.
        await (await b03.PostAsync(Plan(reduced, "/approve"), null)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "plan.center_approval_required");
        (await (await b03.PostAsync(Plan(reduced, "/submit"), null)).JsonAsync()).GetProperty("status").GetString().ShouldBe("PENDING_CENTER_REVIEW");
        using var center = await app.SignedInAsync("t-center");
        var pending = await (await center.GetAsync("/api/rotation/plans?status=PENDING_CENTER_REVIEW&baseCode=B03")).JsonAsync();
        pending.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("traineeId").GetGuid()).ShouldBe([reduced]);

        // Training has started (ROT-02); the reduced-year plan still cannot start or count (ROT-05, ROT-09), a standard one can.
        app.Clock.Set(2024, 9, 2);
        using var b03Sep = await app.SignedInAsync("t-b03");
        using var centerSep = await app.SignedInAsync("t-center");
        await (await b03Sep.PostAsync(Plan(reduced, "/blocks/0/start"), null)).ShouldBeProblemAsync(HttpStatusCode.Conflict, "plan.awaiting_center_approval");
        var waiting = await (await b03Sep.GetAsync(Plan(reduced))).JsonAsync();
        waiting.GetProperty("traineeStatus").GetString().ShouldBe("AWAITING_PLAN_APPROVAL");
        waiting.GetProperty("blocks").EnumerateArray().ShouldAllBe(b => b.GetProperty("status").GetString() == "PLANNED");
        waiting.GetProperty("countedMonths").GetInt32().ShouldBe(0);
        (await (await b03Sep.PostAsync(Plan(standard[0], "/blocks/0/start"), null)).JsonAsync()).GetProperty("blocks")[0].GetProperty("status").GetString()
            .ShouldBe("IN_PROGRESS");

        var approved = await (await centerSep.PostAsync(Plan(reduced, "/approve"), null)).JsonAsync();
        approved.GetProperty("status").GetString().ShouldBe("APPROVED");
        approved.GetProperty("approvedBy").GetString()!.ShouldStartWith("center-admin:");
        var started = await (await b03Sep.PostAsync(Plan(reduced, "/blocks/0/start"), null)).JsonAsync();
        started.GetProperty("blocks")[0].GetProperty("status").GetString().ShouldBe("IN_PROGRESS");
        started.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString())
            .ShouldBe(["plan-generated", "plan-submitted", "plan-approved", "block-started"]);

        // A later exemption decision reissues the plan (EXM-08): back to DRAFT, not executable, the running block kept.
        await Trainees.DecideAsync(app, reduced, 24, 2, ("GP", 12), ("PED", 12));
        var reissued = await (await b03Sep.GetAsync(Plan(reduced))).JsonAsync();
        reissued.GetProperty("status").GetString().ShouldBe("DRAFT");
        reissued.GetProperty("reissueRequired").GetBoolean().ShouldBeTrue();
        reissued.GetProperty("blocks")[0].GetProperty("status").GetString().ShouldBe("IN_PROGRESS");
    }

    [Fact]
    public async Task Over_capacity_the_scheduler_names_departments_and_months_and_writes_nothing()
    {
        app.Clock.Set(2024, 8, 25);
        await Trainees.CycleReadyAsync(app);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++) ids.Add(await Trainees.AdmitAsync(app, "B07", "GP", Enrollment.Contracts.Track.ASSISTANT_GP, months: 24));
        using var anyone = app.Anonymous();
        var agp = await (await anyone.GetAsync("/api/rotation/templates/ASSISTANT_GP")).JsonAsync();
        // COMM (8 months each) holds one trainee: 3 x 8 = 24 trainee-months fit only with no idle month, and IM-INF is missing.
        var capacities = agp.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("department").GetString()!)
            .Where(d => d != "IM-INF").Select(d => new { department = d, perMonth = d == "COMM" ? 1 : 3 }).ToArray();
        using var b07 = await app.SignedInAsync("t-b07");
        await (await b07.PutAsJsonAsync("/api/rotation/bases/B07/capacities", new { departments = capacities })).ShouldBeSuccessAsync();
        var problem = await (await b07.PostAsJsonAsync("/api/rotation/bases/B07/schedule", new { year = 2024 }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "schedule.infeasible");
        problem.GetProperty("proven").GetBoolean().ShouldBeTrue();
        var shortfalls = problem.GetProperty("shortfalls").EnumerateArray().ToList();
        shortfalls.ShouldContain(s => s.GetProperty("department").GetString() == "IM-INF" && s.GetProperty("capacity").GetInt32() == 0);
        shortfalls[0].GetProperty("month").GetString().ShouldBe("2024-09");
        foreach (var id in ids)
            (await (await b07.GetAsync(Plan(id))).JsonAsync()).GetProperty("status").GetString().ShouldBe("NONE");

        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.PostAsJsonAsync("/api/rotation/bases/B07/schedule", new { year = 2024 })).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
    }

    [Fact]
    public async Task The_base_calendar_exports_as_CSV_and_XLSX()
    {
        await Trainees.CycleReadyAsync(app);
        using var b02 = await app.SignedInAsync("t-b02");
        await (await b02.PutAsJsonAsync("/api/rotation/bases/B02/capacities",
            new { departments = new[] { new { department = "SURG", perMonth = 3 } } })).ShouldBeSuccessAsync();
        var csv = await b02.GetAsync("/api/rotation/bases/B02/calendar?year=2024&format=csv");
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var text = await csv.Content.ReadAsStringAsync();
        text.ShouldContain("department,capacity,2024-09");
        text.ShouldContain("SURG,3,0");
        var xlsx = await b02.GetAsync("/api/rotation/bases/B02/calendar?year=2024&format=xlsx");
        (await xlsx.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
        await (await b02.GetAsync("/api/rotation/bases/B01/calendar?year=2024")).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        await (await b02.GetAsync("/api/rotation/bases/B02/calendar?year=2024&format=pdf")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "export.unsupported_format");
    }
}
