using Upward.Core.Matching;

namespace Upward.Core.Tests.Matching;

public class ExhaustiveComparisonTests
{
    private const int Instances = 1500;

    [Fact]
    public void Optimal_mode_equals_the_exhaustive_optimum_on_random_small_instances()
    {
        for (ulong seed = 1; seed <= Instances; seed++)
        {
            var instance = SmallInstances.Generate(seed);
            var expected = SmallInstances.Exhaustive(instance);

            var solution = Matcher.Optimal(instance);

            AllocationRules.AssertValid(instance, solution);
            Assert.True(
                (expected.Matched, expected.TotalWeight) == (solution.Matched, solution.TotalWeight),
                $"instance {seed}: expected {expected}, got ({solution.Matched}, {solution.TotalWeight})");
        }
    }

    [Fact]
    public void Random_mode_matches_the_most_mentees_on_random_small_instances()
    {
        for (ulong seed = 1; seed <= Instances; seed++)
        {
            var instance = SmallInstances.Generate(seed);
            var expected = SmallInstances.Exhaustive(instance);

            var solution = Matcher.Random(instance, seed * 31);

            AllocationRules.AssertValid(instance, solution);
            Assert.True(expected.Matched == solution.Matched, $"instance {seed}: expected {expected.Matched} matched, got {solution.Matched}");
        }
    }
}
