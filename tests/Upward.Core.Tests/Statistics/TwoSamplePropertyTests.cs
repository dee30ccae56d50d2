using System.Numerics;
using Upward.Core.Statistics;

namespace Upward.Core.Tests.Statistics;

/// <summary>The two-sample test and both Hodges–Lehmann intervals against brute force: every choice of ranks, every subset, every sign.</summary>
public class TwoSamplePropertyTests
{
    /// <summary>Seeded small groups: Likert (ties everywhere), totals and continuous values.</summary>
    public static TheoryData<int, int, int, int> SmallGroups()
    {
        var data = new TheoryData<int, int, int, int>();
        foreach (int seed in Enumerable.Range(1, 8))
        {
            data.Add(seed, 1 + seed % 3, 2 + seed, 5);
            data.Add(seed, 4 + seed % 5, 9 - seed % 4, 5);
            data.Add(seed, 6, 7 + seed % 3, 35);
            data.Add(seed, 3 + seed % 6, 5 + seed % 4, 0);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SmallGroups))]
    public void Exact_p_matches_counting_every_choice_of_group_a_ranks(int seed, int sizeA, int sizeB, int scale)
    {
        var (a, b) = Generate(seed, sizeA, sizeB, scale);
        var comparison = TwoSampleComparison.Compute(a, b);
        Assert.True(comparison.Test is not null, $"no test for seed {seed}: the case checks nothing");

        double bruteForce = BruteForceExactP(a, b);

        Assert.Equal(bruteForce, comparison.Test.PExact!.Value, bruteForce * 1e-12);
    }

    [Theory]
    [MemberData(nameof(SmallGroups))]
    public void U_and_its_variance_match_counting_pairs_and_every_choice(int seed, int sizeA, int sizeB, int scale)
    {
        var (a, b) = Generate(seed, sizeA, sizeB, scale);
        var test = TwoSampleComparison.Compute(a, b).Test!;

        // U_a counts pairs where a is larger, ties counting a half.
        double pairs = a.Sum(x => b.Sum(y => x > y ? 1.0 : x == y ? 0.5 : 0));
        Assert.Equal(pairs, test.UA);
        // σ from the definition: the variance of U_a over every equally likely choice of a's ranks.
        double mean = a.Length * b.Length / 2.0;
        double variance = RankSumsOverEveryChoice(a, b).Select(sum => sum / 2.0 - a.Length * (a.Length + 1) / 2.0)
            .Select(u => (u - mean) * (u - mean)).Average();
        Assert.Equal((test.UA - mean) / Math.Sqrt(variance), test.Z, 1e-9);
    }

    [Theory]
    [MemberData(nameof(SmallGroups))]
    public void Swapping_the_groups_negates_the_shift_and_keeps_every_p(int seed, int sizeA, int sizeB, int scale)
    {
        var (a, b) = Generate(seed, sizeA, sizeB, scale);

        var forward = TwoSampleComparison.Compute(a, b);
        var backward = TwoSampleComparison.Compute(b, a);

        Assert.Equal(forward.Test!.UA, backward.Test!.UB);
        Assert.Equal(forward.Test.Z, -backward.Test.Z, 12);
        Assert.Equal(forward.Test.PExact!.Value, backward.Test.PExact!.Value, 1e-12);
        Assert.Equal(forward.Test.PAsymptotic, backward.Test.PAsymptotic, 1e-12);
        Assert.Equal(forward.Shift!.Estimate, -backward.Shift!.Estimate);
        Assert.Equal(forward.Shift.Lower, -backward.Shift.Upper);
        Assert.Equal(forward.Shift.Upper, -backward.Shift.Lower);
        Assert.Equal(forward.Shift.AchievedConfLevel, backward.Shift.AchievedConfLevel, 1e-12);
    }

    [Theory]
    [MemberData(nameof(SmallGroups))]
    public void The_shift_is_the_median_of_every_difference_and_its_interval_inverts_the_untied_test(int seed, int sizeA, int sizeB, int scale)
    {
        var (a, b) = Generate(seed, sizeA, sizeB, scale);
        var shift = TwoSampleComparison.Compute(a, b).Shift!;

        double[] differences = [.. a.SelectMany(x => b.Select(y => x - y)).Order()];
        Assert.Equal(Median(differences), shift.Estimate);
        // q from the untied distribution counted over every subset of ranks 1..N.
        long[] counts = UntiedRankSumCounts(a.Length, b.Length);
        double total = counts.Sum();
        int q = 0;
        double cumulative = 0;
        while ((cumulative += counts[q] / total) < 0.025 - 1e-12)
        {
            q++;
        }
        q = Math.Max(q, 1);
        Assert.Equal(differences[q - 1], shift.Lower);
        Assert.Equal(differences[^q], shift.Upper);
        Assert.Equal(1 - 2 * counts.Take(q).Sum() / total, shift.AchievedConfLevel, 1e-12);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(3, 9)]
    [InlineData(7, 7)]
    [InlineData(10, 12)]
    [InlineData(1, 20)]
    public void Untied_rank_sum_distribution_matches_every_subset(int m, int n)
    {
        long[] counts = UntiedRankSumCounts(m, n);

        double[] computed = RankSumDistribution.LowerHalfCounts(m, n);

        for (int u = 0; u < computed.Length; u++)
        {
            Assert.Equal(counts[u], computed[u]);
        }
    }

    [Theory]
    [InlineData(40, 37)]
    [InlineData(150, 140)]
    [InlineData(200, 200)]
    [InlineData(200, 3)]
    public void Untied_rank_sum_distribution_keeps_its_precision_at_the_largest_sizes(int m, int n)
    {
        // The recurrence subtracts (in plain doubles it lost up to 1e-11 here); in whole numbers
        // nothing is lost, so the counts must agree to the last place or so.
        BigInteger[] exact = ExactGaussianBinomialLowerHalf(m, n);
        double[] computed = RankSumDistribution.LowerHalfCounts(m, n);

        for (int u = 0; u < computed.Length; u++)
        {
            double want = (double)exact[u];
            Assert.True(Math.Abs(computed[u] - want) <= 4e-16 * want, $"U = {u}: {computed[u]:R} vs {want:R}");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(9)]
    [InlineData(16)]
    public void Untied_signed_rank_distribution_matches_every_sign_assignment(int n)
    {
        var counts = new long[n * (n + 1) / 2 + 1];
        for (long signs = 0; signs < 1L << n; signs++)
        {
            int sum = 0;
            for (int rank = 1; rank <= n; rank++)
            {
                if ((signs >> (rank - 1) & 1) == 1)
                {
                    sum += rank;
                }
            }
            counts[sum]++;
        }

        double[] computed = SignedRankDistribution.LowerHalf(n);

        for (int s = 0; s < computed.Length; s++)
        {
            Assert.Equal(counts[s] / (double)(1L << n), computed[s], 1e-15);
        }
    }

    [Theory]
    [MemberData(nameof(RandomPairs.Shapes), MemberType = typeof(RandomPairs))]
    public void The_paired_estimate_is_the_median_of_every_walsh_average_and_its_interval_inverts_the_untied_test(int seed, int n, int scale)
    {
        var (pre, post) = RandomPairs.Generate(seed, Math.Min(n, 16), scale);
        var comparison = PairedComparison.Compute(pre, post);
        double[] d = [.. post.Zip(pre, (after, before) => after - before).Where(x => x != 0)];
        Assert.True(d.Length > 0, "no non-zero difference: the case checks nothing");

        var walsh = new List<double>();
        for (int i = 0; i < d.Length; i++)
        {
            for (int j = i; j < d.Length; j++)
            {
                walsh.Add((d[i] + d[j]) / 2);
            }
        }
        double[] sorted = [.. walsh.Order()];
        var estimate = comparison.HodgesLehmann!;
        Assert.Equal(Median(sorted), estimate.Estimate);
        // q from the untied signed-rank distribution counted over every sign assignment.
        int m = d.Length;
        var counts = new long[m * (m + 1) / 2 + 1];
        for (long signs = 0; signs < 1L << m; signs++)
        {
            int sum = 0;
            for (int rank = 1; rank <= m; rank++)
            {
                sum += (int)(signs >> (rank - 1) & 1) * rank;
            }
            counts[sum]++;
        }
        double total = 1L << m;
        int q = 0;
        double cumulative = 0;
        while ((cumulative += counts[q] / total) < 0.025 - 1e-12)
        {
            q++;
        }
        q = Math.Max(q, 1);
        Assert.Equal(sorted[q - 1], estimate.Lower);
        Assert.Equal(sorted[^q], estimate.Upper);
        Assert.Equal(1 - 2 * counts.Take(q).Sum() / total, estimate.AchievedConfLevel, 1e-12);
    }

    [Fact]
    public void Exact_p_stops_above_two_hundred_people_and_the_shift_above_two_hundred_in_a_group()
    {
        var (a, b) = Generate(3, 101, 100, 5);
        var over = TwoSampleComparison.Compute(a, b);
        Assert.Null(over.Test!.PExact);
        Assert.NotNull(over.Shift);

        var (big, small) = Generate(4, 201, 10, 5);
        Assert.Null(TwoSampleComparison.Compute(big, small).Shift);
        var (justUnder, rest) = Generate(5, 190, 10, 5);
        Assert.NotNull(TwoSampleComparison.Compute(justUnder, rest).Test!.PExact);
    }

    [Fact]
    public void Exact_p_for_a_hundred_and_a_hundred_heavily_tied_values_is_close_to_the_normal_approximation()
    {
        var (a, b) = Generate(12, 100, 100, 5);
        var test = TwoSampleComparison.Compute(a, b).Test!;

        Assert.InRange(test.PExact!.Value, 0.01, 1);
        Assert.Equal(test.PAsymptotic, test.PExact.Value, test.PExact.Value * 0.05);
    }

    [Fact]
    public void Every_value_the_same_gives_no_test_but_a_zero_shift()
    {
        var comparison = TwoSampleComparison.Compute([2, 2, 2], [2, 2]);

        Assert.Null(comparison.Test);
        Assert.Equal(0, comparison.Shift!.Estimate);
    }

    [Fact]
    public void Bad_groups_and_levels_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TwoSampleComparison.Compute([], [1]));
        Assert.Throws<ArgumentException>(() => TwoSampleComparison.Compute([1, double.NaN], [1]));
        Assert.Throws<ArgumentException>(() => TwoSampleComparison.Compute([1e308], [-1e308]));
        Assert.Throws<ArgumentOutOfRangeException>(() => TwoSampleComparison.Compute([1], [2], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairedComparison.Compute([1], [2], 0));
    }

    /// <summary>Two groups with a mild shift; a scale of 0 means continuous values with two decimals.</summary>
    internal static (double[] A, double[] B) Generate(int seed, int sizeA, int sizeB, int scale)
    {
        var random = new Random(seed);
        double Draw(int lift) => scale == 0
            ? Math.Round(random.NextDouble() * 10 + lift, 2)
            : Math.Clamp(random.Next(1, scale + 1) + (random.Next(3) == 0 ? lift : 0), 1, scale);
        double[] a = [.. Enumerable.Range(0, sizeA).Select(_ => Draw(1))];
        double[] b = [.. Enumerable.Range(0, sizeB).Select(_ => Draw(0))];
        return (a, b);
    }

    private static double Median(double[] sorted) =>
        sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;

    // The definition: over all C(N, n_a) subsets of the pooled mid-ranks, P(|R − E R| ≥ |r − E R|).
    private static double BruteForceExactP(double[] a, double[] b)
    {
        double[] sums = [.. RankSumsOverEveryChoice(a, b)];
        long observed = DoubledRankSum(a, b);
        double mean = sums.Average();
        int atLeastAsFar = sums.Count(s => Math.Abs(s - mean) >= Math.Abs(observed - mean) - 1e-7);
        return (double)atLeastAsFar / sums.Length;
    }

    // Twice the rank sum of every choice of a.Length of the pooled values, by visiting every subset.
    private static IEnumerable<long> RankSumsOverEveryChoice(double[] a, double[] b)
    {
        long[] doubledRanks = DoubledMidRanks([.. a, .. b]);
        int total = doubledRanks.Length;
        for (long subset = 0; subset < 1L << total; subset++)
        {
            if (BitOperations.PopCount((ulong)subset) != a.Length)
            {
                continue;
            }
            long sum = 0;
            for (int i = 0; i < total; i++)
            {
                if ((subset >> i & 1) == 1)
                {
                    sum += doubledRanks[i];
                }
            }
            yield return sum;
        }
    }

    private static long DoubledRankSum(double[] a, double[] b) => DoubledMidRanks([.. a, .. b]).Take(a.Length).Sum();

    // Twice each value's mid-rank, counted the slow way: 2·(values below) + (values equal) + 1.
    private static long[] DoubledMidRanks(double[] values) =>
        [.. values.Select(v => 2L * values.Count(w => w < v) + values.Count(w => w == v) + 1)];

    // Counts of U = 0..mn for untied ranks by visiting every subset of size m of 1..m+n.
    private static long[] UntiedRankSumCounts(int m, int n)
    {
        int total = m + n;
        var counts = new long[m * n + 1];
        for (long subset = 0; subset < 1L << total; subset++)
        {
            if (BitOperations.PopCount((ulong)subset) != m)
            {
                continue;
            }
            int rankSum = 0;
            for (int i = 0; i < total; i++)
            {
                rankSum += (int)(subset >> i & 1) * (i + 1);
            }
            counts[rankSum - m * (m + 1) / 2]++;
        }
        return counts;
    }

    // [m+n choose m] = Π (1 − x^(n+j))/(1 − x^j) in whole numbers, so nothing is lost to rounding.
    private static BigInteger[] ExactGaussianBinomialLowerHalf(int m, int n)
    {
        int limit = m * n / 2;
        var poly = new BigInteger[limit + 1];
        poly[0] = 1;
        for (int j = 1; j <= m; j++)
        {
            for (int s = limit; s >= n + j; s--)
            {
                poly[s] -= poly[s - n - j];
            }
            for (int s = j; s <= limit; s++)
            {
                poly[s] += poly[s - j];
            }
        }
        return poly;
    }
}
