namespace Upward.Core.Statistics;

/// <summary>
/// The Wilcoxon ranking of a set of paired differences: zeros set aside (Wilcoxon's treatment),
/// absolute values ranked with mid-ranks for ties, and the sum of the ranks of the increases.
/// </summary>
/// <remarks>
/// Built once per comparison and shared by every test that needs ranks, so a report never ranks
/// the same data twice. Ranks are kept doubled so that they are integers and sums are exact.
/// </remarks>
public sealed class SignedRanks
{
    private readonly TieGroup[] _groups;

    private SignedRanks(TieGroup[] groups, int positive, int negative, int zero, long doubledWPlus, double tieCorrection)
    {
        _groups = groups;
        Positive = positive;
        Negative = negative;
        Zero = zero;
        DoubledWPlus = doubledWPlus;
        TieCorrection = tieCorrection;
    }

    /// <summary>Differences greater than zero (scores rose).</summary>
    public int Positive { get; }

    /// <summary>Differences less than zero (scores fell).</summary>
    public int Negative { get; }

    /// <summary>Differences exactly zero, which the signed-rank test leaves out.</summary>
    public int Zero { get; }

    /// <summary>Differences that take part in the test: the test's n.</summary>
    public int NonZero => Positive + Negative;

    /// <summary>Twice W₊, kept as an integer so comparisons with the exact distribution are exact.</summary>
    public long DoubledWPlus { get; }

    /// <summary>W₊: the sum of the ranks of the positive differences (R's V).</summary>
    public double WPlus => DoubledWPlus / 2.0;

    /// <summary>W₋: the sum of the ranks of the negative differences.</summary>
    public double WMinus => DoubledRankTotal / 2.0 - WPlus;

    /// <summary>Twice the sum of all ranks, n(n + 1).</summary>
    public long DoubledRankTotal => (long)NonZero * (NonZero + 1);

    /// <summary>Σ(t³ − t) over the groups of tied absolute differences, for the variance of W₊.</summary>
    public double TieCorrection { get; }

    /// <summary>The tie groups in ascending order of absolute difference.</summary>
    public ReadOnlySpan<TieGroup> Groups => _groups;

    /// <summary>Ranks differences that are already sorted ascending (negatives first, then zeros, then positives).</summary>
    /// <remarks>
    /// Sorted signed differences hold the absolute values in two runs, the negatives read backwards
    /// and the positives read forwards, so merging them ranks |d| without a second sort.
    /// </remarks>
    /// <exception cref="ArgumentException">The differences are not sorted ascending or include NaN.</exception>
    public static SignedRanks FromSortedDifferences(ReadOnlySpan<double> sorted)
    {
        // Ranking unsorted data would give plausible but wrong figures, so check: it costs one pass.
        for (int i = 1; i < sorted.Length; i++)
        {
            if (!(sorted[i - 1] <= sorted[i]))
            {
                throw new ArgumentException("Differences must be numbers sorted ascending.", nameof(sorted));
            }
        }
        int negative = 0;
        while (negative < sorted.Length && sorted[negative] < 0)
        {
            negative++;
        }
        int firstPositive = negative;
        while (firstPositive < sorted.Length && sorted[firstPositive] == 0)
        {
            firstPositive++;
        }
        int zero = firstPositive - negative;
        int positive = sorted.Length - firstPositive;

        var groups = new List<TieGroup>();
        long doubledWPlus = 0;
        double tieCorrection = 0;
        int down = negative - 1;   // next negative, walking towards more negative values
        int up = firstPositive;    // next positive, walking towards larger values
        int ranked = 0;
        while (down >= 0 || up < sorted.Length)
        {
            double magnitude = NextMagnitude(sorted, down, up);
            int size = 0;
            int positives = 0;
            while (down >= 0 && -sorted[down] == magnitude)
            {
                down--;
                size++;
            }
            while (up < sorted.Length && sorted[up] == magnitude)
            {
                up++;
                size++;
                positives++;
            }
            // Ranks ranked+1 .. ranked+size share the mid-rank; doubled it is (first + last).
            long doubledRank = 2L * ranked + size + 1;
            groups.Add(new TieGroup(doubledRank, size, positives));
            doubledWPlus += doubledRank * positives;
            tieCorrection += ((double)size * size - 1) * size;
            ranked += size;
        }
        return new SignedRanks([.. groups], positive, negative, zero, doubledWPlus, tieCorrection);
    }

    private static double NextMagnitude(ReadOnlySpan<double> sorted, int down, int up)
    {
        if (down < 0)
        {
            return sorted[up];
        }
        if (up >= sorted.Length)
        {
            return -sorted[down];
        }
        return Math.Min(-sorted[down], sorted[up]);
    }
}
