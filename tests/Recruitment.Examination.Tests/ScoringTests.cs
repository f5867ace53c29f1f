using Recruitment.Examination.Features.ReferenceData;

namespace Recruitment.Examination.Tests;

/// <summary>EXAM-12..EXAM-14 as pure functions.</summary>
public sealed class ScoringTests
{
    private static readonly ScoringRules Rules = new(100, 100, 100, 60, 40, null);

    private static Score Score(decimal? theory, decimal? interview, decimal? skill = null, AssessmentResult result = AssessmentResult.PASS) =>
        new(theory, skill, interview, result, result == AssessmentResult.ABSENT ? [ExamComponent.WRITTEN] : [], null);

    /// <summary>EXAM-01: written at most 60, interview at most 40, a total of 100; EXAM-12 scales the raw scores into them.</summary>
    [Fact]
    public void Written_is_scaled_to_60_and_interview_to_40_EXAM_12()
    {
        var totals = Scoring.Totals(Score(80, 70), Rules);
        totals.Written.ShouldBe(48m);
        totals.Interview.ShouldBe(28m);
        totals.Total.ShouldBe(76m);
        totals.Passed.ShouldBeTrue();
    }

    [Fact]
    public void A_skill_score_counts_within_the_interview_40_EXAM_12() =>
        Scoring.Totals(Score(80, 70, skill: 90), Rules).Interview.ShouldBe(32m);

    [Fact]
    public void The_total_is_rounded_half_up_to_two_decimals_EXAM_12()
    {
        Scoring.Round(40.005m).ShouldBe(40.01m);
        Scoring.Round(40.0049m).ShouldBe(40.00m);
        Scoring.Totals(Score(33.33m, 33.33m), Rules).Total.ShouldBe(33.33m);
    }

    [Fact]
    public void Passing_means_PASS_and_the_minimum_total_when_the_cycle_sets_one_EXAM_13()
    {
        Scoring.Totals(Score(80, 70, result: AssessmentResult.FAIL), Rules).Passed.ShouldBeFalse();
        Scoring.Totals(Score(50, 50), Rules with { MinTotalScore = 60 }).Passed.ShouldBeFalse();
        Scoring.Totals(Score(60, 60), Rules with { MinTotalScore = 60 }).Passed.ShouldBeTrue();
        Scoring.Totals(Score(null, null, result: AssessmentResult.ABSENT), Rules).Absent.ShouldBeTrue();
    }

    [Theory]
    [InlineData("79.5", 79.5)]
    [InlineData("80.25", 80.25)]
    [InlineData("80.250", 80.25)]
    public void Scores_with_at_most_two_decimals_inside_the_maximum_are_read_EXAM_10(string text, double expected) =>
        Scoring.Parse(text, 100, "theoryScore").Value.ShouldBe((decimal)expected);

    [Theory]
    [InlineData("80.125")]
    [InlineData("abc")]
    [InlineData("100.01")]
    [InlineData("-1")]
    public void Scores_with_more_decimals_out_of_range_or_not_numbers_are_refused_EXAM_10(string text) =>
        Scoring.Parse(text, 100, "theoryScore").Problem.ShouldNotBeNull();

    [Fact]
    public void Weights_that_do_not_sum_to_100_are_refused_as_configuration_EXAM_12()
    {
        (Rules with { WrittenWeight = 70 }).Problem().ShouldNotBeNull();
        Should.Throw<InvalidDataException>(() => ExamSettingsLoader.Parse("""
            {"year":2030,"scoring":{"RESIDENCY":{"theoryMax":100,"skillMax":100,"interviewMax":100,"writtenWeight":70,"interviewWeight":40},
             "ASSISTANT_GP":{"theoryMax":100,"skillMax":100,"interviewMax":100,"writtenWeight":60,"interviewWeight":40}}}
            """));
    }
}
