using Wolverine;
using static Recruitment.Examination.Tests.Candidates;

namespace Recruitment.Examination.Tests;

/// <summary>EXAM-04: rosters follow Enrollment's messages, idempotently and whatever order they arrive in.</summary>
[Collection(ExaminationCollection.Name)]
public sealed class RosterTests(RecruitmentApp app)
{
    private static readonly DateTimeOffset Confirmed = new(2024, 7, 2, 10, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_withdrawal_takes_the_candidate_off_the_roster_and_a_redelivered_eligibility_does_not_bring_them_back()
    {
        var id = Guid.NewGuid();
        var eligible = new CandidateEligibleForExams(id, null, 2024, Track.RESIDENCY, "B01", "GP", null, TestIds.NewResidentId(), "测试",
            "INDEPENDENT", false, Confirmed);
        var bus = app.Service<IMessageBus>();
        await bus.InvokeAsync(eligible);
        (await EntryAsync(app, id)).Status.ShouldBe(RosterStatus.ROSTERED);
        await bus.InvokeAsync(new CandidateWithdrawn(id, 2024, Confirmed.AddDays(5)));
        (await EntryAsync(app, id)).Status.ShouldBe(RosterStatus.WITHDRAWN);

        await bus.InvokeAsync(eligible);
        (await EntryAsync(app, id)).Status.ShouldBe(RosterStatus.WITHDRAWN, "an older eligibility never undoes a later withdrawal");
    }

    [Fact]
    public async Task A_cancellation_arriving_before_the_eligibility_it_follows_still_wins()
    {
        var id = Guid.NewGuid();
        var bus = app.Service<IMessageBus>();
        await bus.InvokeAsync(new CandidateCancelled(id, 2024, "false information", Confirmed.AddDays(3)));
        await bus.InvokeAsync(new CandidateEligibleForExams(id, null, 2024, Track.RESIDENCY, "B01", "GP", null, TestIds.NewResidentId(), "测试",
            "INDEPENDENT", false, Confirmed));
        var entry = await EntryAsync(app, id);
        entry.Status.ShouldBe(RosterStatus.CANCELLED);
        entry.RemovalReason.ShouldBe("false information");
    }
}
