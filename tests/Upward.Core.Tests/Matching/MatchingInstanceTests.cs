using Upward.Core.Matching;

namespace Upward.Core.Tests.Matching;

public class MatchingInstanceTests
{
    [Fact]
    public void The_instance_keeps_its_own_copy_of_the_arrays()
    {
        int[] weights = [40];
        var instance = new MatchingInstance(["r"], [1], ["c"], [0], [0], weights);

        weights[0] = 99;

        Assert.Equal(40, instance.PairWeights[0]);
        Assert.Equal(40, Matcher.Optimal(instance).TotalWeight);
    }

    [Theory]
    [InlineData(-1, 0, 0, 10, "capacity")]
    [InlineData(1, 5, 0, 10, "pairs[0]")]
    [InlineData(1, 0, -1, 10, "pairs[0]")]
    [InlineData(1, 0, 0, 101, "pairs[0]")]
    [InlineData(1, 0, 0, -1, "pairs[0]")]
    public void Invalid_arrays_are_rejected_naming_the_culprit(int capacity, int mentor, int mentee, int weight, string named)
    {
        var error = Assert.Throws<MatchingInputException>(
            () => new MatchingInstance(["r"], [capacity], ["c"], [mentor], [mentee], [weight]));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_pair_is_rejected_at_its_first_repeat()
    {
        var error = Assert.Throws<MatchingInputException>(
            () => new MatchingInstance(["r", "s"], [1, 1], ["c", "d"], [1, 0, 1, 0], [1, 0, 1, 0], [1, 2, 3, 4]));

        Assert.StartsWith("pairs[2]:", error.Message, StringComparison.Ordinal);
        Assert.Contains("pairs[0]", error.Message, StringComparison.Ordinal);
    }
}
