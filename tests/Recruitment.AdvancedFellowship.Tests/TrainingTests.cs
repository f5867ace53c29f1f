using static Recruitment.AdvancedFellowship.Tests.Fellows;

namespace Recruitment.AdvancedFellowship.Tests;

/// <summary>Mentor, two-site rotation, projects and grants, BLS/ACLS, return (FEL-18..FEL-22).</summary>
[Collection(FellowTrainingCollection.Name)]
public sealed class TrainingTests(FellowshipApp app)
{
    [Fact]
    public async Task One_senior_mentor_per_fellow_and_one_fellow_per_mentor_FEL_18()
    {
        var cycle = await Cycles.CreateAsync(app);
        var (first, _) = await ReportedAsync(app, cycle, Physician(1, Cycles.Day(cycle.Id, 5, 15)));
        var (second, _) = await ReportedAsync(app, cycle, Physician(4, Cycles.Day(cycle.Id, 5, 15)));
        using var admin = await app.SignedInAsync(Admin);
        var staffNo = $"M{Guid.NewGuid():N}"[..10];
        await (await admin.PutJsonAsync($"{Api}/fellows/{first}/mentor", Mentor(staffNo, "ATTENDING")))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "mentor.not_senior");
        await (await admin.PutJsonAsync($"{Api}/fellows/{first}/mentor", Mentor(staffNo, "ASSOCIATE_CHIEF"))).ShouldBeSuccessAsync();
        await (await admin.PutJsonAsync($"{Api}/fellows/{first}/mentor", Mentor(staffNo, "ASSOCIATE_CHIEF"))).ShouldBeSuccessAsync();
        await (await admin.PutJsonAsync($"{Api}/fellows/{second}/mentor", Mentor(staffNo)))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "mentor.at_capacity");
        var other = $"M{Guid.NewGuid():N}"[..10];
        await (await admin.PutJsonAsync($"{Api}/fellows/{first}/mentor", Mentor(other)))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "mentor.already_assigned");

        await (await admin.DeleteAsync($"{Api}/fellows/{first}/mentor")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "mentor.reason_required");
        await (await admin.DeleteAsync($"{Api}/fellows/{first}/mentor?reason=mentor%20on%20leave")).ShouldBeSuccessAsync();
        await (await admin.PutJsonAsync($"{Api}/fellows/{second}/mentor", Mentor(staffNo))).ShouldBeSuccessAsync();
        await (await admin.PutJsonAsync($"{Api}/fellows/{first}/mentor", Mentor(other))).ShouldBeSuccessAsync();
        var fellow = await (await admin.GetAsync($"{Api}/fellows/{first}")).JsonAsync();
        fellow.GetProperty("training").GetProperty("mentor").GetProperty("staffNo").GetString().ShouldBe(other.ToUpperInvariant());
        fellow.GetProperty("status").GetString().ShouldBe("REPORTED");
        await (await admin.PutJsonAsync($"{Api}/fellows/{Guid.NewGuid()}/mentor", Mentor(other))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "fellow.not_found");
    }

    [Fact]
    public async Task The_two_site_plan_covers_the_duration_without_overlap_and_links_evaluations_FEL_20()
    {
        var cycle = await Cycles.CreateAsync(app);
        var (id, _) = await ReportedAsync(app, cycle, Physician(2, Cycles.Day(cycle.Id, 5, 15)));
        using var admin = await app.SignedInAsync(Admin);
        var rotation = $"{Api}/fellows/{id}/site-rotation";
        await (await admin.PutJsonAsync(rotation, TwoSitePlan(cycle.Id, Guid.NewGuid()))).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "rotation.evaluation_required");
        var evaluation = await admin.EvaluateAsync(id);
        var y = cycle.Id;
        await (await admin.PutJsonAsync(rotation, new
        {
            blocks = new[]
            {
                new { site = "GUILIN", start = new DateOnly(y, 7, 1), end = new DateOnly(y, 12, 31), evaluationId = evaluation },
                new { site = "XIANGYA2", start = new DateOnly(y, 12, 1), end = new DateOnly(y + 1, 6, 30), evaluationId = evaluation },
            },
        })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "rotation.blocks_overlap");
        await (await admin.PutJsonAsync(rotation, new
        {
            blocks = new[] { new { site = "GUILIN", start = new DateOnly(y, 7, 1), end = new DateOnly(y + 1, 6, 30), evaluationId = evaluation } },
        })).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "rotation.both_sites_required");
        await (await admin.PutJsonAsync(rotation, new { blocks = new[] { new { site = "GUILIN" } } })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "rotation.invalid_block");

        var planned = await (await admin.PutJsonAsync(rotation, TwoSitePlan(y, evaluation))).JsonAsync();
        planned.GetProperty("status").GetString().ShouldBe("REPORTED");
        planned.GetProperty("end").GetString().ShouldBe($"{y + 1}-06-30");
        await (await admin.PutJsonAsync($"{Api}/fellows/{id}/mentor", Mentor($"M{Guid.NewGuid():N}"[..10]))).ShouldBeSuccessAsync();
        var fellow = await (await admin.GetAsync($"{Api}/fellows/{id}")).JsonAsync();
        fellow.GetProperty("status").GetString().ShouldBe("IN_TRAINING");
        fellow.GetProperty("training").GetProperty("trainingStart").GetString().ShouldBe($"{y}-07-01");

        // a replan after a new evaluation keeps the start: more time at the partner site
        var second = await admin.EvaluateAsync(id, "ready for longer at the Second Xiangya Hospital");
        await (await admin.PutJsonAsync(rotation, new
        {
            blocks = new[]
            {
                new { site = "GUILIN", start = new DateOnly(y, 7, 1), end = new DateOnly(y, 9, 30), evaluationId = evaluation },
                new { site = "XIANGYA2", start = new DateOnly(y, 10, 1), end = new DateOnly(y + 1, 6, 30), evaluationId = second },
            },
            reason = "evaluation of 07-01",
        })).ShouldBeSuccessAsync();
    }

    [Fact]
    public async Task One_self_raised_grant_of_30000_and_funded_projects_matched_one_to_one_FEL_19()
    {
        var cycle = await Cycles.CreateAsync(app);
        var (id, idNumber) = await InTrainingAsync(app, cycle, Physician(3, Cycles.Day(cycle.Id, 5, 15)));
        using var admin = await app.SignedInAsync(Admin);
        var projects = $"{Api}/fellows/{id}/projects";
        var self = await (await admin.PostJsonAsync(projects, new { kind = "SELF_RAISED", title = "Endovascular follow-up", jointWithMentor = true })).JsonAsync();
        self.GetProperty("hospitalFundingCny").GetDecimal().ShouldBe(30000m);
        await (await admin.PostJsonAsync(projects, new { kind = "SELF_RAISED", title = "A second one" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "project.self_raised_limit");
        await (await admin.PostJsonAsync(projects, new { kind = "FUNDED", title = "GX grant", funder = "GX HC", externalAmountCny = -5 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "project.invalid_amount");
        await (await admin.PostJsonAsync(projects, new { kind = "FUNDED", title = "GX grant", externalAmountCny = 5 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "project.funder_required");
        var funded = await (await admin.PostJsonAsync(projects, new { kind = "FUNDED", title = "GX grant", funder = "Guangxi Health Commission", externalAmountCny = 80000.50m })).JsonAsync();
        funded.GetProperty("hospitalFundingCny").GetDecimal().ShouldBe(80000.50m);

        using var fellow = await app.SignedInAsync(idNumber, Password);
        var ledger = await (await fellow.GetAsync(projects)).JsonAsync();
        ledger.GetProperty("projects").GetArrayLength().ShouldBe(2);
        ledger.GetProperty("hospitalFundingCny").GetDecimal().ShouldBe(110000.50m);
        ledger.GetProperty("externalFundingCny").GetDecimal().ShouldBe(80000.50m);
    }

    [Fact]
    public async Task ACLS_is_recommended_only_after_an_excellent_BLS_pass_FEL_21()
    {
        var cycle = await Cycles.CreateAsync(app);
        var (id, _) = await InTrainingAsync(app, cycle, Physician(8, Cycles.Day(cycle.Id, 5, 15)));
        app.Clock.Set(cycle.Id, 9, 20);
        using var admin = await app.SignedInAsync(Admin);
        var results = $"{Api}/fellows/{id}/life-support-results";
        await (await admin.PostJsonAsync(results, new { course = "ACLS", reason = "keen" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "life_support.acls_requires_excellent_bls");
        await (await admin.PostJsonAsync(results, new { course = "BLS", result = "FAIL", excellent = true }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "life_support.invalid_result");
        await (await admin.PostJsonAsync(results, new { course = "BLS", result = "PASS" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "life_support.certificate_required");
        await (await admin.PostJsonAsync(results, new { course = "BLS", result = "PASS", certificateNumber = "AHA-1", completedOn = new DateOnly(cycle.Id, 9, 1) })).ShouldBeSuccessAsync();
        await (await admin.PostJsonAsync(results, new { course = "ACLS", reason = "keen" }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "life_support.acls_requires_excellent_bls");
        await (await admin.PostJsonAsync(results, new { course = "BLS", result = "PASS", excellent = true, certificateNumber = "AHA-2", completedOn = new DateOnly(cycle.Id, 9, 15) }))
            .ShouldBeSuccessAsync();
        await (await admin.PostJsonAsync(results, new { course = "ACLS", reason = "excellent BLS result" })).ShouldBeSuccessAsync();
        var training = (await (await admin.GetAsync($"{Api}/fellows/{id}")).JsonAsync()).GetProperty("training");
        training.GetProperty("blsResults").GetArrayLength().ShouldBe(2);
        training.GetProperty("acls").GetProperty("reason").GetString().ShouldBe("excellent BLS result");
    }

    [Fact]
    public async Task A_violator_is_returned_to_the_sending_unit_and_nothing_follows_FEL_22()
    {
        var cycle = await Cycles.CreateAsync(app);
        var (id, _) = await InTrainingAsync(app, cycle, Physician(11, Cycles.Day(cycle.Id, 5, 15)));
        using var admin = await app.SignedInAsync(Admin);
        var mentor = (await (await admin.GetAsync($"{Api}/fellows/{id}")).JsonAsync()).GetProperty("training").GetProperty("mentor").GetProperty("staffNo").GetString()!;
        await (await admin.PostJsonAsync($"{Api}/fellows/{id}/return", new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "fellow.reason_required");
        (await (await admin.PostJsonAsync($"{Api}/fellows/{id}/return", new { reason = "absent from duty for a week" })).JsonAsync())
            .GetProperty("status").GetString().ShouldBe("RETURNED");
        await (await admin.PostJsonAsync($"{Api}/fellows/{id}/projects", new { kind = "SELF_RAISED", title = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "fellow.invalid_status");
        await (await admin.PostJsonAsync($"{Api}/fellows/{id}/return", new { reason = "again" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "fellow.invalid_status");

        // the mentor is free again
        var (next, _) = await ReportedAsync(app, cycle, Physician(9, Cycles.Day(cycle.Id, 5, 15)));
        using var again = await app.SignedInAsync(Admin);
        await (await again.PutJsonAsync($"{Api}/fellows/{next}/mentor", Mentor(mentor))).ShouldBeSuccessAsync();
    }
}
