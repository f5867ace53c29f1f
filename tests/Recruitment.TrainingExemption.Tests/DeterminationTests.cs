using System.Net;
using System.Net.Http.Json;
using Recruitment.Enrollment.Contracts;
using Recruitment.Testing;
using Shouldly;
using Wolverine;

namespace Recruitment.TrainingExemption.Tests;

/// <summary>The exemption case from request to determination (EXM-05..EXM-10), through HTTP.</summary>
[Collection(TrainingExemptionCollection.Name)]
public sealed class DeterminationTests(RecruitmentApp app)
{
    private static string Route(Guid id, string tail = "") => $"/api/training-exemption/requests/{id}{tail}";

    /// <summary>A request as Enrollment sends it at on-site confirmation (the module's input contract).</summary>
    private async Task<Guid> RequestedAsync(string baseCode = "B01", string direction = "General Practice")
    {
        var id = Guid.NewGuid();
        await app.Service<IMessageBus>().InvokeAsync(new ExemptionRequested(id, null, 2024, baseCode, "GP", null, "申请人",
            new HighestEducation("MASTER", "PROFESSIONAL", "Clinical Medicine", "CN", false), true,
            new ExemptionForm(ExemptionBasis.PROFESSIONAL_MASTER_CLINICAL, "Clinical Medicine", direction, "Jilin University", "CN", null, 12),
            new DateTimeOffset(2024, 7, 2, 10, 0, 0, TimeSpan.FromHours(8))));
        return id;
    }

    private static object[] Items(params (string, int)[] items) => items.Select(i => new { specialty = i.Item1, months = i.Item2 }).ToArray();

    /// <summary>
    /// EXM-07: the center's capability assessment comes before the expert determination, which only the center makes.
    /// EXM-06: the base's approval-form save names the base reviewer (its timeline actor).
    /// </summary>
    [Fact]
    public async Task The_base_fills_the_form_the_center_assesses_and_decides_and_only_in_that_order_EXM_08()
    {
        app.Clock.Set(2024, 7, 10);
        var id = await RequestedAsync();
        using var b01 = await app.SignedInAsync("t-b01");
        using var center = await app.SignedInAsync("t-center");

        await (await center.PostAsJsonAsync(Route(id, "/assessment"), new { result = "PASS" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "exemption.out_of_order");
        await (await b01.PutAsJsonAsync(Route(id, "/base-form"), new { proposedMonths = 24, makeUpItems = Items(("GP", 20)) }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "exemption.months_mismatch");
        await (await b01.PutAsJsonAsync(Route(id, "/base-form"), new { proposedMonths = 24, makeUpItems = Items(("GP", 18), ("PED", 6)) })).ShouldBeSuccessAsync();
        await (await center.PostAsJsonAsync(Route(id, "/determination"), new { decision = "APPROVE", approvedMonths = 24, makeUpItems = Items(("GP", 24)) }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "exemption.out_of_order");
        await (await center.PostAsJsonAsync(Route(id, "/assessment"), new { result = "PASS", score = 86.5 })).ShouldBeSuccessAsync();
        (await b01.PostAsJsonAsync(Route(id, "/determination"), new { decision = "APPROVE" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var decided = await (await center.PostAsJsonAsync(Route(id, "/determination"),
            new { decision = "APPROVE", approvedMonths = 24, makeUpItems = Items(("GP", 18), ("PED", 6)) })).JsonAsync();
        decided.GetProperty("status").GetString().ShouldBe("APPROVED");
        await (await b01.PutAsJsonAsync(Route(id, "/base-form"), new { proposedMonths = 12, makeUpItems = Items(("GP", 12)) }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "exemption.not_editable");
        await (await center.PostAsJsonAsync(Route(id, "/determination"), new { decision = "REJECT", reason = "x" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "exemption.decided");

        var view = await (await b01.GetAsync(Route(id))).JsonAsync();
        view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ShouldBe(
            ["exemption-request-received", "base-form-saved", "capability-assessed", "exemption-determined"]);
        view.GetProperty("timeline")[1].GetProperty("actor").GetString()!.ShouldStartWith("base-admin:");
    }

    [Fact]
    public async Task A_reopened_decision_is_decided_again_and_republished_as_a_new_revision()
    {
        app.Clock.Set(2024, 7, 10);
        var id = await RequestedAsync();
        using var b01 = await app.SignedInAsync("t-b01");
        using var center = await app.SignedInAsync("t-center");
        await b01.PutAsJsonAsync(Route(id, "/base-form"), new { proposedMonths = 24, makeUpItems = Items(("GP", 24)) });
        await center.PostAsJsonAsync(Route(id, "/assessment"), new { result = "FAIL" });
        await (await center.PostAsJsonAsync(Route(id, "/determination"), new { decision = "REJECT" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "exemption.reason_required");
        (await (await center.PostAsJsonAsync(Route(id, "/determination"), new { decision = "REJECT", reason = "assessment failed" })).JsonAsync())
            .GetProperty("trainingMonths").GetInt32().ShouldBe(36);
        await (await center.PostAsJsonAsync(Route(id, "/reopen"), new { })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "exemption.reason_required");
        await (await center.PostAsJsonAsync(Route(id, "/reopen"), new { reason = "re-assessment granted on appeal" })).ShouldBeSuccessAsync();
        app.Clock.Set(2024, 9, 10);
        using var later = await app.SignedInAsync("t-center");
        var again = await (await later.PostAsJsonAsync(Route(id, "/determination"), new { decision = "APPROVE", approvedMonths = 24, makeUpItems = Items(("GP", 24)) })).JsonAsync();
        again.GetProperty("revision").GetInt32().ShouldBe(2);
        again.GetProperty("afterDeadline").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task A_request_failing_the_rules_on_arrival_is_kept_as_REFUSED_and_a_base_sees_only_its_own()
    {
        app.Clock.Set(2024, 7, 10);
        var id = await RequestedAsync("B02", direction: "Pediatrics");
        using var b02 = await app.SignedInAsync("t-b02");
        var view = await (await b02.GetAsync(Route(id))).JsonAsync();
        view.GetProperty("request").GetProperty("status").GetString().ShouldBe("REFUSED");
        view.GetProperty("request").GetProperty("refusalCode").GetString().ShouldBe("exemption.major_mismatch");
        using var b01 = await app.SignedInAsync("t-b01");
        await (await b01.GetAsync(Route(id))).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "base.forbidden");
        var list = await (await b02.GetAsync("/api/training-exemption/requests?status=REFUSED")).JsonAsync();
        list.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("requestId").GetGuid() == id);
    }

    [Fact]
    public async Task The_approval_form_exports_as_CSV_and_XLSX()
    {
        app.Clock.Set(2024, 7, 10);
        var id = await RequestedAsync();
        using var b01 = await app.SignedInAsync("t-b01");
        await b01.PutAsJsonAsync(Route(id, "/base-form"), new { proposedMonths = 24, makeUpItems = Items(("GP", 24)) });
        var csv = await b01.GetAsync(Route(id, "/export?format=csv"));
        csv.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        (await csv.Content.ReadAsStringAsync()).ShouldContain("makeUp:GP,24");
        var xlsx = await b01.GetAsync(Route(id, "/export?format=xlsx"));
        (await xlsx.Content.ReadAsByteArrayAsync())[..2].ShouldBe("PK"u8.ToArray());
        await (await b01.GetAsync(Route(id, "/export?format=pdf"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "export.unsupported_format");
    }
}
