namespace Upward.Core.Statistics;

/// <summary>
/// Everything Upward reports when two independent groups are compared (for a waitlist design, the
/// two arms' change scores): summaries of each, the Mann–Whitney test and the Hodges–Lehmann shift.
/// </summary>
/// <param name="A">Summary of group a.</param>
/// <param name="B">Summary of group b.</param>
/// <param name="Ranks">The pooled ranking, kept for other analyses of the same groups.</param>
/// <param name="Test">The rank-sum test; null when every value in both groups is equal.</param>
/// <param name="Shift">The Hodges–Lehmann shift a − b with its interval; null when a group has more than 200 values.</param>
public sealed record TwoSampleComparison(Summary A, Summary B, PooledRanks Ranks, MannWhitneyTest? Test, HodgesLehmann? Shift)
{
    /// <summary>Compares two groups of scores (in any order).</summary>
    /// <exception cref="ArgumentException">A group is empty or holds a value that is not finite.</exception>
    public static TwoSampleComparison Compute(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double confLevel = HodgesLehmann.DefaultConfLevel)
    {
        HodgesLehmann.RequireConfLevel(confLevel);
        double[] sortedA = SortedFinite(a, nameof(a));
        double[] sortedB = SortedFinite(b, nameof(b));
        var ranks = PooledRanks.FromSorted(sortedA, sortedB);
        return new TwoSampleComparison(
            Summary.FromSorted(sortedA),
            Summary.FromSorted(sortedB),
            ranks,
            MannWhitneyTest.Run(ranks),
            HodgesLehmannEstimator.TwoSample(a, b, confLevel));
    }

    private static double[] SortedFinite(ReadOnlySpan<double> values, string name)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException($"Group {name} has no values.", name);
        }
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"{name}[{i}] is {values[i]}, not a finite score.", name);
            }
        }
        double[] sorted = values.ToArray();
        Array.Sort(sorted);
        return sorted;
    }
}
