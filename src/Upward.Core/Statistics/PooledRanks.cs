namespace Upward.Core.Statistics;

/// <summary>
/// Two independent groups ranked together with mid-ranks for ties: what the Mann–Whitney test and
/// its exact p need. Ranks are kept doubled so that they are whole numbers and sums are exact.
/// </summary>
public sealed class PooledRanks
{
    private readonly PooledTieGroup[] _groups;

    private PooledRanks(PooledTieGroup[] groups, int sizeA, int sizeB, long doubledRankSumA, double tieCorrection)
    {
        _groups = groups;
        SizeA = sizeA;
        SizeB = sizeB;
        DoubledRankSumA = doubledRankSumA;
        TieCorrection = tieCorrection;
    }

    /// <summary>Values in group a.</summary>
    public int SizeA { get; }

    /// <summary>Values in group b.</summary>
    public int SizeB { get; }

    /// <summary>Both groups together: the test's N.</summary>
    public int Total => SizeA + SizeB;

    /// <summary>Twice R_a, the sum of group a's ranks.</summary>
    public long DoubledRankSumA { get; }

    /// <summary>Twice R_b.</summary>
    public long DoubledRankSumB => (long)Total * (Total + 1) - DoubledRankSumA;

    /// <summary>Σ(t³ − t) over the groups of tied pooled values, for the variance of U.</summary>
    public double TieCorrection { get; }

    /// <summary>The tie groups in ascending order of value.</summary>
    public ReadOnlySpan<PooledTieGroup> Groups => _groups;

    /// <summary>Ranks two groups, each already sorted ascending.</summary>
    /// <exception cref="ArgumentException">A group is empty, is not sorted, or holds NaN.</exception>
    public static PooledRanks FromSorted(ReadOnlySpan<double> sortedA, ReadOnlySpan<double> sortedB)
    {
        RequireSorted(sortedA, nameof(sortedA));
        RequireSorted(sortedB, nameof(sortedB));
        var groups = new List<PooledTieGroup>();
        long doubledRankSumA = 0;
        double tieCorrection = 0;
        int i = 0, j = 0, ranked = 0;
        while (i < sortedA.Length || j < sortedB.Length)
        {
            double value = j >= sortedB.Length || (i < sortedA.Length && sortedA[i] <= sortedB[j]) ? sortedA[i] : sortedB[j];
            int inA = 0, inB = 0;
            while (i < sortedA.Length && sortedA[i] == value)
            {
                i++;
                inA++;
            }
            while (j < sortedB.Length && sortedB[j] == value)
            {
                j++;
                inB++;
            }
            int size = inA + inB;
            // Ranks ranked+1 .. ranked+size share the mid-rank; doubled it is (first + last).
            long doubledRank = 2L * ranked + size + 1;
            groups.Add(new PooledTieGroup(doubledRank, size, inA));
            doubledRankSumA += doubledRank * inA;
            tieCorrection += ((double)size * size - 1) * size;
            ranked += size;
        }
        return new PooledRanks([.. groups], sortedA.Length, sortedB.Length, doubledRankSumA, tieCorrection);
    }

    private static void RequireSorted(ReadOnlySpan<double> sorted, string name)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("Each group needs at least one value.", name);
        }
        for (int k = 0; k < sorted.Length; k++)
        {
            if (double.IsNaN(sorted[k]) || (k > 0 && !(sorted[k - 1] <= sorted[k])))
            {
                throw new ArgumentException("Values must be numbers sorted ascending.", name);
            }
        }
    }
}

/// <summary>Pooled values sharing one value, and so one mid-rank.</summary>
/// <param name="DoubledRank">Twice the shared mid-rank: always a whole number.</param>
/// <param name="Size">How many values share it.</param>
/// <param name="InA">How many of them belong to group a.</param>
public readonly record struct PooledTieGroup(long DoubledRank, int Size, int InA);
