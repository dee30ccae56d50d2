namespace Upward.Core.Statistics;

/// <summary>
/// The exact two-sided p of the Mann–Whitney test with ties, conditional on the observed mid-ranks:
/// the share of all C(N, n_a) equally likely choices of group a's ranks whose U is at least as far
/// from its mean as the observed one (coin's <c>wilcox_test(..., distribution = "exact")</c>).
/// </summary>
/// <remarks>
/// R's exact test refuses ties, and change scores on a Likert scale are nearly all ties. With doubled
/// mid-ranks every rank sum is a whole number, so a dynamic programme over (how many chosen, doubled
/// sum) counts the choices exactly; nothing needs the 1e-7 tolerance the contract allows. With ties
/// the distribution is not symmetric, so each tail is counted: the upper tail as the lower tail of
/// the reflected ranks 2(N + 1) − r. Only sums that can still end at or below the tail's limit are
/// kept, which prunes most of the table. Counts are at most C(200, 100) ≈ 9·10⁵⁸, held as doubles.
/// </remarks>
public static class ExactRankSumTest
{
    /// <summary>The largest N (both groups together) the exact p is computed for (the contract's limit).</summary>
    public const int MaxTotal = 200;

    /// <summary>The exact two-sided p, or null when there are more than <see cref="MaxTotal"/> values in all.</summary>
    public static double? TwoSidedP(PooledRanks ranks)
    {
        ArgumentNullException.ThrowIfNull(ranks);
        return ranks.Total > MaxTotal ? null : TwoSidedPAnySize(ranks);
    }

    /// <summary>The exact two-sided p with no size limit; time grows roughly as N·n_a·n_b·N.</summary>
    internal static double TwoSidedPAnySize(PooledRanks ranks)
    {
        int total = ranks.Total;
        // Count choices of the smaller group: the same test, and fewer rows in the table.
        bool chooseA = ranks.SizeA <= ranks.SizeB;
        int chosen = chooseA ? ranks.SizeA : ranks.SizeB;
        long observed = chooseA ? ranks.DoubledRankSumA : ranks.DoubledRankSumB;
        long doubledMean = (long)chosen * (total + 1);
        long distance = Math.Abs(observed - doubledMean);
        if (distance == 0)
        {
            return 1;
        }
        long limit = doubledMean - distance;

        var ascending = new long[total];
        int next = 0;
        foreach (var group in ranks.Groups)
        {
            for (int k = 0; k < group.Size; k++)
            {
                ascending[next++] = group.DoubledRank;
            }
        }
        var reflected = new long[total];
        for (int k = 0; k < total; k++)
        {
            reflected[k] = 2L * (total + 1) - ascending[total - 1 - k];
        }
        double count = CountAtMost(ascending, chosen, limit) + CountAtMost(reflected, chosen, limit);
        return Math.Min(1, count / Combinations.Choose(total, chosen));
    }

    // How many ways to choose 'chosen' of the ranks (ascending) with sum at most 'limit'.
    private static double CountAtMost(long[] ranks, int chosen, long limit)
    {
        int total = ranks.Length;
        var prefix = new long[total + 1];
        for (int k = 0; k < total; k++)
        {
            prefix[k + 1] = prefix[k] + ranks[k];
        }
        if (limit < prefix[chosen])
        {
            return 0;   // even the smallest ranks sum to more than the limit
        }
        // Row k holds the counts of k-subsets of the items seen so far by sum, stored from the least
        // possible sum prefix[k]. Any row that can still finish at or below the limit ends at most
        // limit − prefix[chosen] above its start, so every row has that width.
        int width = checked((int)(limit - prefix[chosen] + 1));
        var table = new double[(chosen + 1) * (long)width];
        table[0] = 1;
        var reach = new int[chosen + 1];   // highest index holding a count in each row, −1 when empty
        Array.Fill(reach, -1);
        reach[0] = 0;
        for (int item = 0; item < total; item++)
        {
            long rank = ranks[item];
            int remainingAfter = total - item - 1;
            int lowestRow = Math.Max(1, chosen - remainingAfter);
            for (int k = Math.Min(item + 1, chosen); k >= lowestRow; k--)
            {
                if (reach[k - 1] < 0)
                {
                    continue;
                }
                // Sum s in row k sits at s − prefix[k]; from row k − 1 it came from s − rank, at
                // index (s − rank) − prefix[k − 1] = index − (rank − ranks[k − 1]).
                int offset = checked((int)(rank - ranks[k - 1]));
                // Sums that cannot be completed within the limit: the rest must come from later items.
                long completion = prefix[item + 1 + chosen - k] - prefix[item + 1];
                long cap = Math.Min(limit - completion - prefix[k], width - 1L);
                long top = Math.Min(cap, (long)reach[k - 1] + offset);
                if (top < offset)
                {
                    continue;
                }
                int length = (int)(top - offset + 1);
                var target = table.AsSpan(k * width + offset, length);
                var source = table.AsSpan((k - 1) * width, length);
                SpanSums.AddInto(target, source);
                reach[k] = Math.Max(reach[k], (int)top);
            }
        }
        double count = 0;
        foreach (double c in table.AsSpan(chosen * width, reach[chosen] + 1))
        {
            count += c;
        }
        return count;
    }
}
