namespace Upward.Core.Statistics;

/// <summary>Computes Hodges–Lehmann estimates and intervals for a paired change and for a shift between two groups.</summary>
public static class HodgesLehmannEstimator
{
    /// <summary>The most non-zero differences a paired estimate is computed for (the contract's limit: 500,500 Walsh averages).</summary>
    public const int MaxPairedNonZero = 1000;

    /// <summary>The largest group a two-sample estimate is computed for (the contract's limit: 40,000 differences).</summary>
    public const int MaxGroupSize = 200;

    /// <summary>
    /// The pseudo-median of the non-zero differences (zeros dropped, as R does) with its interval;
    /// null when no difference is non-zero or more than <see cref="MaxPairedNonZero"/> are.
    /// </summary>
    /// <param name="sortedDifferences">Differences after − before, sorted ascending, zeros included.</param>
    /// <param name="confLevel">Confidence level, strictly between 0 and 1.</param>
    public static HodgesLehmann? Paired(ReadOnlySpan<double> sortedDifferences, double confLevel = HodgesLehmann.DefaultConfLevel)
    {
        HodgesLehmann.RequireConfLevel(confLevel);
        int nonZero = 0;
        foreach (double d in sortedDifferences)
        {
            if (d != 0)
            {
                nonZero++;
            }
        }
        if (nonZero == 0 || nonZero > MaxPairedNonZero)
        {
            return null;
        }
        var kept = new double[nonZero];
        int next = 0;
        foreach (double d in sortedDifferences)
        {
            if (d != 0)
            {
                kept[next++] = d;
            }
        }
        // Walsh averages (d_i + d_j)/2 for i ≤ j, formed as R forms them, held by distinct value.
        var walsh = WeightedValues.WalshAverages(kept);
        var (q, achieved) = SignedRankDistribution.IntervalRank(nonZero, confLevel);
        return HodgesLehmann.FromOrdered(walsh, q, confLevel, achieved);
    }

    /// <summary>
    /// The median of all differences a_i − b_j (the shift a − b) with its interval; null when either
    /// group has more than <see cref="MaxGroupSize"/> values.
    /// </summary>
    public static HodgesLehmann? TwoSample(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double confLevel = HodgesLehmann.DefaultConfLevel)
    {
        HodgesLehmann.RequireConfLevel(confLevel);
        if (a.IsEmpty || b.IsEmpty)
        {
            throw new ArgumentException("Each group needs at least one value.", a.IsEmpty ? nameof(a) : nameof(b));
        }
        if (a.Length > MaxGroupSize || b.Length > MaxGroupSize)
        {
            return null;
        }
        var differences = WeightedValues.Differences(a, b);
        var (q, achieved) = RankSumDistribution.IntervalRank(a.Length, b.Length, confLevel);
        return HodgesLehmann.FromOrdered(differences, q, confLevel, achieved);
    }
}
