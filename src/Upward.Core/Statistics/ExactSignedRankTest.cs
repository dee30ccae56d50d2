using System.Numerics;

namespace Upward.Core.Statistics;

/// <summary>
/// The exact two-sided p-value of the signed-rank test with ties and mid-ranks: the share of all 2ⁿ
/// equally likely sign assignments whose W₊ is at least as far from its mean as the observed one.
/// </summary>
/// <remarks>
/// R's exact test refuses ties and stops at n = 50; Likert data are nearly all ties, so Upward counts
/// the assignments itself. With doubled mid-ranks every sum is an integer, and a dynamic programme
/// over those sums counts the assignments. The distribution of W₊ is symmetric about its mean, so
/// only the lower tail is counted, up to the observed distance from the mean; that halves the work.
/// Counts are held as doubles rescaled by powers of two (exact operations), so nothing overflows and
/// the relative error stays below n·2⁻⁵³.
/// </remarks>
public static class ExactSignedRankTest
{
    /// <summary>The largest number of non-zero differences the exact p is computed for (the contract's limit).</summary>
    public const int MaxNonZero = 1000;

    // Rescale well before a count could overflow: each difference at most doubles the largest count.
    private const int RescaleEvery = 960;

    /// <summary>The exact two-sided p, or null when there are more than <see cref="MaxNonZero"/> non-zero differences.</summary>
    public static double? TwoSidedP(SignedRanks ranks) =>
        ranks.NonZero > MaxNonZero ? null : TwoSidedPAnySize(ranks);

    /// <summary>The exact two-sided p with no size limit; time grows as n³ at worst.</summary>
    internal static double TwoSidedPAnySize(SignedRanks ranks)
    {
        int n = ranks.NonZero;
        if (n == 0)
        {
            return 1;
        }
        long doubledMean = ranks.DoubledRankTotal / 2;   // n(n+1)/2, twice μ
        long distance = Math.Abs(ranks.DoubledWPlus - doubledMean);
        if (distance == 0)
        {
            return 1;
        }
        long lowerLimit = doubledMean - distance;
        if (lowerLimit < 0)
        {
            return 0;
        }
        // Twice the lower tail; the tails are disjoint because distance > 0, and equal by symmetry.
        double p = 2 * LowerTail(ranks.Groups, n, checked((int)lowerLimit));
        return Math.Min(1, p);
    }

    // P(2W₊ ≤ limit) over all sign assignments of the doubled ranks.
    private static double LowerTail(ReadOnlySpan<TieGroup> groups, int n, int limit)
    {
        var counts = new double[limit + 1];
        counts[0] = 1;
        int reach = 0;       // largest sum with a non-zero count so far, capped at limit
        int scale = 0;       // counts are true counts times 2^-scale
        int sinceRescale = 0;
        foreach (var group in groups)
        {
            int rank = group.DoubledRank > limit ? limit + 1 : (int)group.DoubledRank;
            for (int i = 0; i < group.Size; i++)
            {
                if (rank <= limit)
                {
                    reach = Math.Min(limit, reach + rank);
                    AddShifted(counts.AsSpan(0, reach + 1), rank);
                }
                // A rank beyond the limit leaves every count at or below it unchanged: that sign
                // assignment (positive) only produces sums above the limit.
                if (++sinceRescale == RescaleEvery)
                {
                    Rescale(counts.AsSpan(0, reach + 1));
                    scale += 512;
                    sinceRescale = 0;
                }
            }
        }
        double total = 0;
        foreach (double count in counts.AsSpan(0, reach + 1))
        {
            total += count;
        }
        return Math.ScaleB(total, scale - n);
    }

    // counts[s] += counts[s − shift] for every s, in place, from the top down so each read sees the
    // value from before this difference was added.
    private static void AddShifted(Span<double> counts, int shift)
    {
        int top = counts.Length - 1;
        int width = Vector<double>.Count;
        int s = top;
        if (Vector.IsHardwareAccelerated && shift >= width)
        {
            // A block [s − width + 1, s] reads [.. s − shift], all below the block and not yet written.
            for (; s - width + 1 >= shift; s -= width)
            {
                int start = s - width + 1;
                var sum = new Vector<double>(counts.Slice(start, width)) + new Vector<double>(counts.Slice(start - shift, width));
                sum.CopyTo(counts.Slice(start, width));
            }
        }
        for (; s >= shift; s--)
        {
            counts[s] += counts[s - shift];
        }
    }

    private static void Rescale(Span<double> counts)
    {
        for (int s = 0; s < counts.Length; s++)
        {
            counts[s] = Math.ScaleB(counts[s], -512);
        }
    }
}
