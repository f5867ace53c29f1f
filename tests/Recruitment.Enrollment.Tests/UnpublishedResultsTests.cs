using static Recruitment.Enrollment.Tests.Cohorts;

namespace Recruitment.Enrollment.Tests;

/// <summary>ENR-70: the proposal lock makes NOT_PROPOSED only of candidates whose results were published (EXAM-15).</summary>
[Collection(EnrollmentCollection.Name)]
public sealed class UnpublishedResultsTests(RecruitmentApp app)
{
    [Fact]
    public async Task At_the_lock_only_candidates_with_published_results_become_NOT_PROPOSED_ENR_70()
    {
        app.Clock.Set(2024, 8, 10);
        var year = await NewCycleAsync(app);
        var published = await ExaminedAsync(app, year, "B02", "PED", 75);
        var unpublished = await ExaminedAsync(app, year, "B02", "PED", 0, published: false);
        app.Clock.Set(2024, 8, 17, 0, 0, 0);
        await app.Service<IMessageBus>().InvokeAsync(new CloseStage(year, Stage.ProposedAdmission));
        (await LoadAsync(app, published)).Status.ShouldBe(ApplicationStatus.NOT_PROPOSED);
        (await LoadAsync(app, unpublished)).Status.ShouldBe(ApplicationStatus.CONFIRMED, "a base that never finalised leaves its candidates unjudged");
    }
}
