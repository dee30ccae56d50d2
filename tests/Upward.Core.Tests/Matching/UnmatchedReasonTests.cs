using Upward.Core.Matching;

namespace Upward.Core.Tests.Matching;

public class UnmatchedReasonTests
{
    [Fact]
    public void A_mentee_with_no_willing_mentor_is_unmatched_because_nobody_is_willing()
    {
        var instance = new MatchingInstance(["r"], [1], ["c1", "c2"], [0], [0], [50]);

        var solution = Matcher.Optimal(instance);

        Assert.Equal([new UnmatchedMentee(1, UnmatchedReason.NobodyWilling)], solution.Unmatched);
    }

    [Fact]
    public void Willing_mentors_without_places_count_as_nobody_willing()
    {
        var instance = new MatchingInstance(["on-leave"], [0], ["c"], [0], [0], [90]);

        var solution = Matcher.Optimal(instance);

        Assert.Equal([new UnmatchedMentee(0, UnmatchedReason.NobodyWilling)], solution.Unmatched);
    }

    [Fact]
    public void A_mentee_whose_willing_mentors_are_all_full_says_so()
    {
        var instance = new MatchingInstance(["r", "s"], [1, 1], ["c1", "c2", "c3"], [0, 1, 0, 1], [0, 1, 2, 2], [90, 90, 10, 10]);

        var solution = Matcher.Optimal(instance);

        // c3 could take either place, but only by leaving c1 or c2 out with more weight lost.
        Assert.Equal(2, solution.Matched);
        Assert.Equal([new UnmatchedMentee(2, UnmatchedReason.AllWillingMentorsFull)], solution.Unmatched);
    }

    [Fact]
    public void Weight_decides_who_is_left_out_when_the_count_is_the_same()
    {
        var instance = new MatchingInstance(["r"], [1], ["low", "high"], [0, 0], [0, 1], [5, 80]);

        var solution = Matcher.Optimal(instance);

        Assert.Equal(80, solution.TotalWeight);
        Assert.Equal([new UnmatchedMentee(0, UnmatchedReason.AllWillingMentorsFull)], solution.Unmatched);
    }

    [Fact]
    public void An_empty_instance_has_nothing_to_allocate()
    {
        var solution = Matcher.Optimal(new MatchingInstance([], [], [], [], [], []));

        Assert.Equal(0, solution.Matched);
        Assert.Empty(solution.Unmatched);
    }
}
