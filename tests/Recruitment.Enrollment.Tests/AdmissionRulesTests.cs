namespace Recruitment.Enrollment.Tests;

/// <summary>Assistant-GP ranking (ENR-48, ENR-49) and the round allocation (ENR-53..ENR-56) as pure functions.</summary>
public sealed class AdmissionRulesTests
{
    private static AgpCandidate Agp(decimal total, Category category = Category.INDEPENDENT, decimal written = 48, decimal interview = 32) =>
        new(Guid.NewGuid(), total, written, interview, category);

    /// <summary>ENR-37: sponsored assistant-GP candidates are preferred under equal conditions.</summary>
    [Fact]
    public void On_an_equal_total_a_sponsored_candidate_ranks_before_an_independent_one_ENR_49()
    {
        var independent = Agp(80);
        var sponsored = Agp(80, Category.SPONSORED);
        var ranked = AssistantGpRanking.Rank([Agp(85), independent, sponsored], 10).Ranked;
        ranked[1].ShouldBe(sponsored);
        ranked[2].ShouldBe(independent);
    }

    [Fact]
    public void An_exact_tie_across_the_last_place_is_not_admitted_automatically_and_the_quota_is_never_exceeded_ENR_49()
    {
        var field = Enumerable.Range(0, 9).Select(i => Agp(90 - i)).ToList();
        var tiedA = Agp(70);
        var tiedB = Agp(70);
        var result = AssistantGpRanking.Rank([.. field, tiedA, tiedB], 10);
        result.Admitted.Count.ShouldBe(9);
        result.TiedAtCutoff.ShouldBe([tiedA, tiedB], ignoreOrder: true);
        result.Vacancies.ShouldBe(1);
    }

    [Fact]
    public void Later_tie_breakers_are_written_then_interview_ENR_49()
    {
        var strongerWritten = Agp(70, written: 45, interview: 25);
        var weakerWritten = Agp(70, written: 40, interview: 30);
        AssistantGpRanking.Rank([weakerWritten, strongerWritten], 1).Admitted.ShouldBe([strongerWritten]);
    }

    [Fact]
    public void With_no_place_left_nobody_is_admitted() =>
        AssistantGpRanking.Rank([Agp(80), Agp(70)], 0).Admitted.ShouldBeEmpty();

    [Fact]
    public void A_correction_that_flips_pass_or_fail_after_proposal_keeps_the_status_and_flags_the_base_EXAM_16()
    {
        var application = new Application();
        var at = DateTimeOffset.UnixEpoch;
        application.On(new ApplicationSubmitted(2024, Guid.NewGuid(), "X", "N", "13900000000", Applicants.Independent(), Applicants.Profile(), [], "t", at));
        application.On(new ApplicationApproved(null, "t", at));
        application.On(new OnsiteConfirmed(false, "t", at));
        application.On(new ExamResultRecorded(new ExamResult(80, null, 70, "PASS", 48, 28, 76, true, false, 1), "t", at));
        application.On(new ProposalMade(new Proposal("2024:B01:GP", "B01", "GP", null, 36, PsychTest.NOT_REQUIRED, HealthCheck.PASS, null, null, null), "t", at));
        application.On(new ExamResultRecorded(new ExamResult(80, null, 70, "FAIL", 48, 28, 76, false, false, 2), "t", at));
        application.Status.ShouldBe(ApplicationStatus.PROPOSED);
        application.IsPassing.ShouldBeFalse();
        application.Flags.ShouldContain(Application.ResultCorrectedFlag);
    }

    [Fact]
    public void With_fewer_passing_candidates_than_places_the_vacancy_is_reported_ENR_51() =>
        AssistantGpRanking.Rank([Agp(80), Agp(70)], 10).Vacancies.ShouldBe(8);

    private static RoundApplicant Applicant(decimal total, params string[] preferences) => new(Guid.NewGuid(), total, total * 0.4m, total * 0.6m, preferences);

    [Fact]
    public void Deferred_acceptance_gives_each_cell_its_highest_scoring_applicants_and_leaves_no_blocking_pair()
    {
        var low = Applicant(60, "A", "B");
        var high = Applicant(90, "A");
        var mid = Applicant(75, "A", "B");
        var vacancies = new Dictionary<string, int> { ["A"] = 1, ["B"] = 1 };
        var assignment = DeferredAcceptance.Allocate([low, high, mid], vacancies);
        assignment[high.Id].ShouldBe("A");
        assignment[mid.Id].ShouldBe("B");
        assignment.ContainsKey(low.Id).ShouldBeFalse();
        DeferredAcceptance.BlockingPairs([low, high, mid], vacancies, assignment).ShouldBeEmpty();
    }

    [Fact]
    public void The_checker_finds_a_blocking_pair_in_a_wrong_assignment()
    {
        var low = Applicant(60, "A");
        var high = Applicant(90, "A");
        var vacancies = new Dictionary<string, int> { ["A"] = 1 };
        DeferredAcceptance.BlockingPairs([low, high], vacancies, new Dictionary<Guid, string> { [low.Id] = "A" })
            .ShouldBe([new BlockingPair(high.Id, "A")]);
    }

    [Fact]
    public void On_random_markets_the_result_equals_score_ordered_serial_dictatorship_never_exceeds_a_cell_and_is_stable() =>
        RandomMarkets(random => random.Next(40, 100));

    /// <summary>Scores EXAM-12 never produces (three decimals, more than 10,485.75) take the ranking's general path.</summary>
    [Fact]
    public void Scores_beyond_two_decimals_or_very_large_rank_the_same_on_random_markets()
    {
        RandomMarkets(random => random.Next(40, 100) + random.Next(0, 3) / 1000m);
        RandomMarkets(random => random.Next(0, 2) == 0 ? random.Next(40, 100) : 20_000 + random.Next(0, 5));
    }

    [Fact]
    public void Exact_ties_on_every_score_go_to_the_lower_application_id_on_random_markets() =>
        RandomMarkets(random => 70 + random.Next(0, 2));

    private static void RandomMarkets(Func<Random, decimal> total)
    {
        var random = new Random(20240816);
        for (var market = 0; market < 200; market++)
        {
            var cells = Enumerable.Range(0, random.Next(1, 8)).ToDictionary(c => $"C{c}", _ => random.Next(0, 4));
            var names = cells.Keys.ToArray();
            var applicants = Enumerable.Range(0, random.Next(0, 25)).Select(_ => Applicant(total(random),
                names.OrderBy(_ => random.Next()).Take(random.Next(0, names.Length + 1)).ToArray())).ToList();

            var assignment = DeferredAcceptance.Allocate(applicants, cells);
            assignment.GroupBy(a => a.Value).ShouldAllBe(g => g.Count() <= cells[g.Key]);
            DeferredAcceptance.BlockingPairs(applicants, cells, assignment).ShouldBeEmpty();

            var left = new Dictionary<string, int>(cells);
            var serial = new Dictionary<Guid, string>();
            foreach (var a in applicants.OrderByDescending(a => a.Total).ThenByDescending(a => a.Interview).ThenByDescending(a => a.Written).ThenBy(a => a.Id))
            {
                var cell = a.Preferences.FirstOrDefault(p => left[p] > 0);
                if (cell is null) continue;
                left[cell]--;
                serial[a.Id] = cell;
            }
            assignment.ShouldBe(serial, ignoreOrder: true);
        }
    }
}
