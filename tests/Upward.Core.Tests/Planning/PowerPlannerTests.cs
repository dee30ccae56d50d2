using System.Diagnostics;
using Upward.Core.Planning;

namespace Upward.Core.Tests.Planning;

/// <summary>The power planner: reproducible from its seed, and close to the textbook sizes it should approach.</summary>
public class PowerPlannerTests
{
    [Theory]
    [InlineData(PowerDesign.Paired)]
    [InlineData(PowerDesign.TwoArm)]
    public void The_same_seed_gives_the_same_plan(PowerDesign design)
    {
        var first = PowerPlanner.Plan(design, 0.6, 0.05, 0.8, 20261206);
        var second = PowerPlanner.Plan(design, 0.6, 0.05, 0.8, 20261206);

        Assert.Equal(first, second);
        Assert.Equal(PowerPlanner.Runs, first.Runs);
    }

    [Fact]
    public void Power_at_a_size_does_not_depend_on_the_sizes_tried_before()
    {
        double alone = PowerPlanner.Power(PowerDesign.Paired, 20, 0.5, 0.05, 7);
        PowerPlanner.Plan(PowerDesign.Paired, 0.5, 0.05, 0.8, 7);

        Assert.Equal(alone, PowerPlanner.Power(PowerDesign.Paired, 20, 0.5, 0.05, 7));
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    [InlineData(3UL)]
    public void A_paired_plan_for_half_a_standard_deviation_is_near_the_textbook_size(ulong seed)
    {
        // Paired t-test: 34 pairs for d = 0.5, α = 0.05, 80% power; the signed-rank test's efficiency
        // under normality is 3/π ≈ 0.955, so about 36. Simulation noise moves it a few either way.
        var plan = PowerPlanner.Plan(PowerDesign.Paired, 0.5, 0.05, 0.8, seed);

        Assert.InRange(plan.People!.Value, 31, 41);
        Assert.True(plan.PowerAtPeople >= 0.8);
    }

    [Theory]
    [InlineData(1UL)]
    [InlineData(2UL)]
    public void A_two_arm_plan_for_half_a_standard_deviation_is_near_the_textbook_size(ulong seed)
    {
        // Two-sample t-test: 64 per arm; divided by 0.955, about 67 per arm.
        var plan = PowerPlanner.Plan(PowerDesign.TwoArm, 0.5, 0.05, 0.8, seed);

        Assert.InRange(plan.People!.Value, 59, 76);
    }

    [Theory]
    [InlineData(PowerDesign.Paired, 0.8)]
    [InlineData(PowerDesign.TwoArm, 1.0)]
    [InlineData(PowerDesign.Paired, 0.3)]
    public void One_fewer_person_falls_short_of_the_target(PowerDesign design, double effect)
    {
        var plan = PowerPlanner.Plan(design, effect, 0.05, 0.9, 11);
        int people = plan.People!.Value;

        Assert.Equal(plan.PowerAtPeople, PowerPlanner.Power(design, people, effect, 0.05, 11));
        Assert.True(plan.PowerAtPeople >= 0.9);
        if (people > PowerPlanner.MinPeople)
        {
            Assert.True(PowerPlanner.Power(design, people - 1, effect, 0.05, 11) < 0.9);
        }
    }

    [Fact]
    public void Two_pairs_can_never_reach_significance_with_the_spss_p()
    {
        // Two pairs: |z| is at most 1.5/√1.25 ≈ 1.34, p ≈ 0.18.
        Assert.Equal(0, PowerPlanner.Power(PowerDesign.Paired, 2, 3, 0.05, 5));
    }

    [Fact]
    public void A_tiny_effect_needs_more_people_than_the_planner_tries_and_says_so()
    {
        var stopwatch = Stopwatch.StartNew();
        var plan = PowerPlanner.Plan(PowerDesign.TwoArm, 0.1, 0.05, 0.9, 3);

        Assert.Null(plan.People);
        Assert.True(plan.PowerAtPeople < 0.9);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), $"took {stopwatch.Elapsed}");
    }

    [Theory]
    [InlineData(0.0, 0.05, 0.8)]
    [InlineData(0.5, 0.0, 0.8)]
    [InlineData(0.5, 0.5, 0.8)]
    [InlineData(0.5, 0.05, 1.0)]
    [InlineData(double.NaN, 0.05, 0.8)]
    public void Arguments_outside_their_ranges_are_refused(double effect, double alpha, double power)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerPlanner.Plan(PowerDesign.Paired, effect, alpha, power, 1));
    }
}
