using Upward.Core.Statistics;

namespace Upward.Core.Tests.Statistics;

/// <summary>Properties the signed-rank test must have whatever the data.</summary>
public class WilcoxonPropertyTests
{
    [Theory]
    [MemberData(nameof(RandomPairs.Shapes), MemberType = typeof(RandomPairs))]
    public void Swapping_before_and_after_negates_z_and_keeps_every_p(int seed, int n, int scale)
    {
        var (pre, post) = RandomPairs.Generate(seed, n, scale);

        var forward = PairedComparison.Compute(pre, post).Test!;
        var backward = PairedComparison.Compute(post, pre).Test!;

        Assert.Equal(forward.WPlus, backward.WMinus);
        Assert.Equal(forward.WMinus, backward.WPlus);
        Assert.Equal(forward.Z!.Value, -backward.Z!.Value, 12);
        Assert.Equal(forward.ZContinuityCorrected!.Value, -backward.ZContinuityCorrected!.Value, 12);
        Assert.Equal(forward.RankBiserial, -backward.RankBiserial, 12);
        AssertClose(forward.PAsymptotic!.Value, backward.PAsymptotic!.Value);
        AssertClose(forward.PAsymptoticContinuityCorrected!.Value, backward.PAsymptoticContinuityCorrected!.Value);
        AssertClose(forward.PExact!.Value, backward.PExact!.Value);
        Assert.Equal(forward.PSign, backward.PSign);
    }

    [Theory]
    [MemberData(nameof(RandomPairs.Shapes), MemberType = typeof(RandomPairs))]
    public void Every_p_is_a_probability(int seed, int n, int scale)
    {
        var (pre, post) = RandomPairs.Generate(seed, n, scale);

        var test = PairedComparison.Compute(pre, post).Test!;

        foreach (double p in new[] { test.PAsymptotic!.Value, test.PAsymptoticContinuityCorrected!.Value, test.PExact!.Value, test.PSign })
        {
            Assert.InRange(p, 0, 1);
        }
    }

    [Theory]
    [MemberData(nameof(RandomPairs.Shapes), MemberType = typeof(RandomPairs))]
    public void Exact_p_is_never_below_the_smallest_attainable(int seed, int n, int scale)
    {
        // W₊ = 0 and W₊ = its maximum are each reached by one sign assignment only, so no two-sided p
        // can be below 2/2ⁿ (n non-zero differences).
        var (pre, post) = RandomPairs.Generate(seed, n, scale);

        var comparison = PairedComparison.Compute(pre, post);

        double smallest = Math.ScaleB(2, -comparison.NonZero);
        Assert.True(comparison.Test!.PExact >= smallest * (1 - 1e-12), $"p = {comparison.Test.PExact:R} < {smallest:R}");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(30)]
    [InlineData(400)]
    [InlineData(1000)]
    public void Every_score_rising_gives_the_smallest_attainable_exact_p(int n)
    {
        // Heavy ties (only three sizes of rise) must not change the extreme: one assignment of 2ⁿ.
        double[] pre = [.. Enumerable.Repeat(10.0, n)];
        double[] post = [.. Enumerable.Range(0, n).Select(i => 11.0 + i % 3)];

        var test = PairedComparison.Compute(pre, post).Test!;

        Assert.Equal(Math.Min(1, Math.ScaleB(2, -n)), test.PExact!.Value, Math.ScaleB(2, -n) * 1e-12);
        Assert.Equal(Math.Min(1, Math.ScaleB(2, -n)), test.PSign, Math.ScaleB(2, -n) * 1e-12);
    }

    [Theory]
    [MemberData(nameof(RandomPairs.Shapes), MemberType = typeof(RandomPairs))]
    public void Adding_a_zero_difference_changes_no_test_figure(int seed, int n, int scale)
    {
        var (pre, post) = RandomPairs.Generate(seed, n, scale);

        var without = PairedComparison.Compute(pre, post);
        var with = PairedComparison.Compute([.. pre, 3], [.. post, 3]);

        Assert.Equal(without.Test, with.Test);
        Assert.Equal(without.NonZero, with.NonZero);
        Assert.Equal(without.Pairs + 1, with.Pairs);
    }

    [Theory]
    [MemberData(nameof(RandomPairs.Shapes), MemberType = typeof(RandomPairs))]
    public void Exact_p_matches_counting_every_sign_assignment(int seed, int n, int scale)
    {
        var (pre, post) = RandomPairs.Generate(seed, Math.Min(n, 16), scale);
        var comparison = PairedComparison.Compute(pre, post);
        Assert.True(comparison.Test is not null, $"no test result for seed {seed}, n {Math.Min(n, 16)}: the case checks nothing");

        double bruteForce = BruteForceExactP(comparison.Ranks);

        Assert.Equal(bruteForce, comparison.Test.PExact!.Value, bruteForce * 1e-12);
    }

    [Fact]
    public void Exact_p_stops_above_a_thousand_non_zero_differences()
    {
        var (pre, post) = RandomPairs.Generate(9, 3000, 0);
        var comparison = PairedComparison.Compute(pre, post);
        Assert.True(comparison.NonZero > ExactSignedRankTest.MaxNonZero);

        Assert.Null(comparison.Test!.PExact);
        Assert.NotNull(comparison.Test.PAsymptotic);
    }

    [Fact]
    public void Exact_p_for_a_thousand_heavily_tied_differences_is_close_to_the_normal_approximation()
    {
        // No drift, so p is moderate: in the far tail the normal approximation is poor relatively.
        var random = new Random(11);
        double[] pre = [.. Enumerable.Range(0, 1200).Select(_ => (double)random.Next(1, 6))];
        double[] post = [.. pre.Select(score => score + random.Next(-2, 3))];
        var comparison = PairedComparison.Compute(pre, post);
        Assert.InRange(comparison.NonZero, 500, ExactSignedRankTest.MaxNonZero);

        var test = comparison.Test!;

        // With hundreds of differences the exact and continuity-corrected normal p agree closely.
        Assert.InRange(test.PExact!.Value, 0.01, 1);
        Assert.Equal(test.PAsymptoticContinuityCorrected!.Value, test.PExact.Value, test.PExact.Value * 0.02);
    }

    [Fact]
    public void Ranking_refuses_unsorted_differences()
    {
        Assert.Throws<ArgumentException>(() => SignedRanks.FromSortedDifferences([1, -1]));
        Assert.Throws<ArgumentException>(() => SignedRanks.FromSortedDifferences([double.NaN, 1]));
    }

    [Fact]
    public void Ranking_uses_mid_ranks_of_absolute_differences()
    {
        // |d| = 1, 1, 2, 3, 3, 3 → ranks 1.5, 1.5, 3, 5, 5, 5; zeros are set aside.
        var ranks = SignedRanks.FromSortedDifferences([-3, -1, 0, 0, 1, 2, 3, 3]);

        Assert.Equal(2, ranks.Zero);
        Assert.Equal(4, ranks.Positive);
        Assert.Equal(2, ranks.Negative);
        Assert.Equal([new TieGroup(3, 2, 1), new TieGroup(6, 1, 1), new TieGroup(10, 3, 2)], ranks.Groups.ToArray());
        Assert.Equal(1.5 + 3 + 5 + 5, ranks.WPlus);
        Assert.Equal(1.5 + 5, ranks.WMinus);
        Assert.Equal((8 - 2) + (27 - 3), ranks.TieCorrection);
    }

    // Enumerates all 2ⁿ sign assignments of the mid-ranks: the definition itself, independent of the DP.
    private static double BruteForceExactP(SignedRanks ranks)
    {
        var doubledRanks = new List<long>();
        foreach (var group in ranks.Groups)
        {
            doubledRanks.AddRange(Enumerable.Repeat(group.DoubledRank, group.Size));
        }
        int n = doubledRanks.Count;
        long doubledMean = ranks.DoubledRankTotal / 2;
        long observed = Math.Abs(ranks.DoubledWPlus - doubledMean);
        long atLeastAsFar = 0;
        for (long signs = 0; signs < 1L << n; signs++)
        {
            long sum = 0;
            for (int i = 0; i < n; i++)
            {
                if ((signs >> i & 1) == 1)
                {
                    sum += doubledRanks[i];
                }
            }
            if (Math.Abs(sum - doubledMean) >= observed)
            {
                atLeastAsFar++;
            }
        }
        return (double)atLeastAsFar / (1L << n);
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(expected, 1e-300), $"{expected:R} vs {actual:R}");
}
