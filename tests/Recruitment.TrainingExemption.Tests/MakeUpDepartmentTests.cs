using System.Net;
using System.Net.Http.Json;
using Recruitment.Enrollment.Contracts;
using Recruitment.Testing;
using Shouldly;
using Wolverine;

namespace Recruitment.TrainingExemption.Tests;

/// <summary>
/// EXM-10, ROT-04: make-up items name rotation departments of Rotation's catalogue, checked through Rotation's published
/// contract, so the content the center approves is what Rotation plans.
/// </summary>
[Collection(TrainingExemptionCollection.Name)]
public sealed class MakeUpDepartmentTests(RecruitmentApp app)
{
    private static readonly DateTimeOffset At = new(2024, 7, 2, 10, 0, 0, TimeSpan.FromHours(8));

    private static string Route(Guid id, string tail = "") => $"/api/training-exemption/requests/{id}{tail}";

    private static object Items(params (string Department, int Months)[] items) => items.Select(i => new { department = i.Department, months = i.Months }).ToArray();

    [Fact]
    public async Task A_determination_with_two_department_items_gives_Rotation_a_plan_of_exactly_those_blocks_EXM_10_ROT_04()
    {
        app.Clock.Set(2024, 7, 10);
        var id = Guid.NewGuid();
        var bus = app.Service<IMessageBus>();
        await bus.InvokeAsync(new ExemptionRequested(id, null, 2024, "B01", "GP", null, "减免学员",
            new HighestEducation("MASTER", "PROFESSIONAL", "Clinical Medicine", "CN", false), true,
            new ExemptionForm(ExemptionBasis.PROFESSIONAL_MASTER_CLINICAL, "Clinical Medicine", "General Practice", "Jilin University", "CN", null, 12), At));
        using var b01 = await app.SignedInAsync("t-b01");
        using var center = await app.SignedInAsync("t-center");

        // Quota-table rows are not departments: OTHER could never be planned; an unknown code is named in the refusal.
        var refused = await b01.PutAsJsonAsync(Route(id, "/base-form"), new { proposedMonths = 24, makeUpItems = Items(("OTHER", 12), ("IM-CARD", 12)) });
        await refused.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "exemption.unknown_department");
        await (await b01.GetAsync(Route(id, "/base-form"))).ShouldBeProblemAsync(HttpStatusCode.NotFound, "exemption.base_form_missing");
        await (await b01.PutAsJsonAsync(Route(id, "/base-form"), new { proposedMonths = 24, makeUpItems = Items(("IM-CARD", 12), ("IM-RESP", 12)) }))
            .ShouldBeSuccessAsync();
        await (await center.PostAsJsonAsync(Route(id, "/assessment"), new { result = "PASS" })).ShouldBeSuccessAsync();
        await (await center.PostAsJsonAsync(Route(id, "/determination"),
                new { decision = "APPROVE", approvedMonths = 24, makeUpItems = Items(("IM-CARD", 12), ("NO-SUCH-DEPT", 12)) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "exemption.unknown_department");
        var decided = await (await center.PostAsJsonAsync(Route(id, "/determination"),
            new { decision = "APPROVE", approvedMonths = 24, makeUpItems = Items(("im-card", 12), ("IM-RESP", 12)) })).JsonAsync();
        decided.GetProperty("status").GetString().ShouldBe("APPROVED");

        // Rotation: the trainee, admitted reduced, is planned with exactly the two department blocks.
        await bus.PublishAsync(new TraineeAdmitted(id, null, 2024, Track.RESIDENCY, "B01", "GP", null, "减免学员", 24, new DateOnly(2024, 9, 1), true, 1, At));
        var plan = $"/api/rotation/trainees/{id}/plan";
        var blocks = new[]
        {
            new { department = "IM-CARD", start = "2024-09-01", end = "2025-08-31" },
            new { department = "IM-RESP", start = "2025-09-01", end = "2026-08-31" },
        };
        HttpResponseMessage? planned = null;
        await HttpAssertions.EventuallyAsync(async () =>
        {
            planned = await b01.PutAsJsonAsync(plan, new { blocks });
            return planned.IsSuccessStatusCode;
        }, "the make-up content and the trainee in Rotation");
        var view = await (await b01.GetAsync(plan)).JsonAsync();
        view.GetProperty("blocks").EnumerateArray().Select(b => b.GetProperty("department").GetString()).ShouldBe(["IM-CARD", "IM-RESP"]);
        await (await b01.PutAsJsonAsync(plan, new { blocks = new[] { blocks[0], blocks[1] with { department = "SURG" } } }))
            .ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "plan.outside_make_up");
    }
}
