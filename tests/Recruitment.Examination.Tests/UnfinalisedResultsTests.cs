using System.Net;
using static Recruitment.Examination.Tests.Candidates;

namespace Recruitment.Examination.Tests;

/// <summary>ENR-70, EXAM-15: after the import deadline the center sees the bases that never finalised and finalises for them, with a reason.</summary>
[Collection(ExaminationCollection.Name)]
public sealed class UnfinalisedResultsTests(RecruitmentApp app)
{
    [Fact]
    public async Task From_the_day_after_the_deadline_the_center_lists_unfinalised_bases_and_finalises_for_one_with_a_reason_ENR_70_EXAM_15()
    {
        app.Clock.Set(2024, 8, 10, 10);
        var (scored, scoredId) = await RosteredAsync(app, "B05");
        await RosteredAsync(app, "B06");
        using (var job = await app.JobAsync())
            (await job.CompletedAsync(await job.ImportAsync(Row(scoredId, "B05", theory: 80, interview: 70)))).Results().Single().Status.ShouldBe("ACCEPTED");
        using (var early = await app.SignedInAsync("t-center"))
            await (await early.GetAsync("/api/examination/cycles/2024/unfinalised")).ShouldBeProblemAsync(HttpStatusCode.UnprocessableEntity, "unfinalised.before_deadline");

        app.Clock.Set(2024, 8, 17, 9);
        using var center = await app.SignedInAsync("t-center");
        var before = (await (await center.GetAsync("/api/examination/cycles/2024/unfinalised")).JsonAsync()).EnumerateArray().ToList();
        before.Select(b => b.GetProperty("baseCode").GetString()).ShouldContain("B05");
        before.Single(b => b.GetProperty("baseCode").GetString() == "B06").GetProperty("scored").GetInt32().ShouldBe(0);

        await (await center.PostAsJsonAsync("/api/examination/bases/B05/finalize", new { year = 2024 }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "finalize.reason_required");
        (await EntryAsync(app, scored)).Revision.ShouldBe(0, "a refused finalisation publishes nothing");
        await (await center.PostAsJsonAsync("/api/examination/bases/B05/finalize", new { year = 2024, reason = "B05 unreachable since 08-15; results checked" }))
            .ShouldBeSuccessAsync();
        (await EntryAsync(app, scored)).Revision.ShouldBe(1, "the result is published to Enrollment");
        var after = (await (await center.GetAsync("/api/examination/cycles/2024/unfinalised")).JsonAsync()).EnumerateArray()
            .Select(b => b.GetProperty("baseCode").GetString()).ToList();
        after.ShouldNotContain("B05");
        after.ShouldContain("B06");
        await (await center.GetAsync("/api/examination/cycles/2024/unfinalised?track=NONE")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.invalid_filter");
    }
}
