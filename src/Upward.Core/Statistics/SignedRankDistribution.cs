namespace Upward.Core.Statistics;

/// <summary>
/// The null distribution of the signed-rank statistic V for n untied ranks 1..n (R's
/// <c>dsignrank</c>), as far as the Hodges–Lehmann interval needs it: its lower quantile.
/// </summary>
public static class SignedRankDistribution
{
    /// <summary>
    /// R's <c>qsignrank(α/2, n)</c> (with R's 10ε fuzz), raised to 1 when it is 0 as <c>wilcox.test</c> does,
    /// and 1 − 2·P(V ≤ q − 1): the order statistic of the Walsh averages that bounds the interval and its achieved level.
    /// </summary>
    public static (int Q, double AchievedConfLevel) IntervalRank(int n, double confLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        HodgesLehmann.RequireConfLevel(confLevel);
        // A report asks for the 95% interval of every comparison, and the answer depends on n alone,
        // so it is kept; other levels (from the command line, once per process) are not.
        return confLevel == HodgesLehmann.DefaultConfLevel
            ? DefaultLevel.GetOrAdd(n, size => Compute(size, HodgesLehmann.DefaultConfLevel))
            : Compute(n, confLevel);
    }

    // At most one entry per n ≤ 1000.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, (int Q, double AchievedConfLevel)> DefaultLevel = new();

    private static (int Q, double AchievedConfLevel) Compute(int n, double confLevel)
    {
        // α/2 < ½ and P(V ≤ ⌊n(n+1)/4⌋) ≥ ½ by symmetry, so q never lies above the mean.
        double[] probabilities = LowerHalf(n);
        double target = HodgesLehmann.LowerTailTarget(confLevel);
        double cumulative = 0;
        int q = 0;
        for (; q < probabilities.Length; q++)
        {
            cumulative += probabilities[q];
            if (cumulative >= target)
            {
                break;
            }
        }
        q = Math.Max(q, 1);
        return (q, 1 - 2 * LowerTail(probabilities, q - 1));
    }

    /// <summary>P(V = s) for s = 0 .. ⌊n(n+1)/4⌋.</summary>
    internal static double[] LowerHalf(int n)
    {
        if (n > 1023)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "The untied signed-rank distribution is computed for n up to 1023.");
        }
        int limit = (int)((long)n * (n + 1) / 4);
        // Counts of subsets of {1..n} by sum: at most 2ⁿ ≤ 2¹⁰²³ for the sizes used, so they fit a double,
        // and additions of whole numbers keep the relative error below n·2⁻⁵³.
        var counts = new double[limit + 1];
        counts[0] = 1;
        int reach = 0;
        for (int rank = 1; rank <= n; rank++)
        {
            if (rank > limit)
            {
                break;   // a rank beyond the limit changes no count at or below it
            }
            reach = Math.Min(limit, reach + rank);
            // counts[s] += counts[s − rank], top down: in blocks of 'rank' the source lies wholly below the target.
            for (int top = reach; top >= rank; top -= rank)
            {
                int bottom = Math.Max(rank, top - rank + 1);
                SpanSums.AddInto(counts.AsSpan(bottom, top - bottom + 1), counts.AsSpan(bottom - rank, top - bottom + 1));
            }
        }
        double scale = Math.ScaleB(1, -n);
        for (int s = 0; s <= limit; s++)
        {
            counts[s] *= scale;
        }
        return counts;
    }

    private static double LowerTail(double[] probabilities, int upTo)
    {
        double total = 0;
        for (int s = 0; s <= upTo; s++)
        {
            total += probabilities[s];
        }
        return total;
    }
}
