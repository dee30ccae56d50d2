namespace Upward.Core.Statistics;

/// <summary>
/// Everything Upward reports about one score measured before and after for the same participants:
/// counts, summaries of before, after and the change, and the signed-rank test on the change.
/// </summary>
/// <param name="Pairs">Pairs compared.</param>
/// <param name="Ranks">The ranking of the differences, kept so other analyses of the same change can reuse it.</param>
/// <param name="Pre">Summary of the scores before.</param>
/// <param name="Post">Summary of the scores after.</param>
/// <param name="Difference">Summary of the differences after − before, zeros included.</param>
/// <param name="Test">The signed-rank test; null when every difference is zero.</param>
/// <param name="HodgesLehmann">The pseudo-median of the change with its interval; null when every difference is zero or more than 1,000 are not.</param>
public sealed record PairedComparison(
    int Pairs,
    SignedRanks Ranks,
    Summary Pre,
    Summary Post,
    Summary Difference,
    WilcoxonSignedRankTest? Test,
    HodgesLehmann? HodgesLehmann)
{
    /// <summary>Differences that are not zero: the signed-rank test's n.</summary>
    public int NonZero => Ranks.NonZero;

    /// <summary>Participants whose score rose.</summary>
    public int Increased => Ranks.Positive;

    /// <summary>Participants whose score fell.</summary>
    public int Decreased => Ranks.Negative;

    /// <summary>Compares scores where element i of each series belongs to participant i.</summary>
    /// <remarks>Each series is sorted exactly once and the differences are ranked exactly once.</remarks>
    /// <param name="pre">Scores before.</param>
    /// <param name="post">Scores after.</param>
    /// <param name="confLevel">Confidence level of the Hodges–Lehmann interval.</param>
    /// <exception cref="ArgumentException">The series differ in length, are empty, or hold a value (or a change) that is not finite.</exception>
    public static PairedComparison Compute(ReadOnlySpan<double> pre, ReadOnlySpan<double> post, double confLevel = Statistics.HodgesLehmann.DefaultConfLevel)
    {
        if (pre.Length != post.Length)
        {
            throw new ArgumentException($"Before and after must pair up: {pre.Length} scores before, {post.Length} after.", nameof(post));
        }
        if (pre.IsEmpty)
        {
            throw new ArgumentException("There are no pairs to compare.", nameof(pre));
        }
        int n = pre.Length;
        // One buffer for the three sorted series keeps a 100,000-pair comparison to one allocation.
        var buffer = new double[3 * n];
        var sortedPre = buffer.AsSpan(0, n);
        var sortedPost = buffer.AsSpan(n, n);
        var sortedDifference = buffer.AsSpan(2 * n, n);
        for (int i = 0; i < n; i++)
        {
            RequireFinite(pre[i], nameof(pre), i);
            RequireFinite(post[i], nameof(post), i);
            sortedPre[i] = pre[i];
            sortedPost[i] = post[i];
            sortedDifference[i] = post[i] - pre[i];
            if (!double.IsFinite(sortedDifference[i]))
            {
                throw new ArgumentException($"Pair {i}: the change {post[i]} − {pre[i]} is too large to represent.", nameof(post));
            }
        }
        sortedPre.Sort();
        sortedPost.Sort();
        sortedDifference.Sort();
        return FromSorted(sortedPre, sortedPost, sortedDifference, confLevel);
    }

    /// <summary>Builds the comparison from series already sorted ascending; the differences are those of the original pairing.</summary>
    /// <remarks>For a report that has already sorted the series for other tables, so nothing is sorted twice.</remarks>
    public static PairedComparison FromSorted(
        ReadOnlySpan<double> sortedPre,
        ReadOnlySpan<double> sortedPost,
        ReadOnlySpan<double> sortedDifferences,
        double confLevel = Statistics.HodgesLehmann.DefaultConfLevel)
    {
        Statistics.HodgesLehmann.RequireConfLevel(confLevel);
        if (sortedPre.Length != sortedPost.Length || sortedPre.Length != sortedDifferences.Length)
        {
            throw new ArgumentException("Before, after and the differences must have one value per pair.", nameof(sortedDifferences));
        }
        var ranks = SignedRanks.FromSortedDifferences(sortedDifferences);
        return new PairedComparison(
            sortedPre.Length,
            ranks,
            Summary.FromSorted(sortedPre),
            Summary.FromSorted(sortedPost),
            Summary.FromSorted(sortedDifferences),
            WilcoxonSignedRankTest.Run(ranks),
            HodgesLehmannEstimator.Paired(sortedDifferences, confLevel));
    }

    private static void RequireFinite(double value, string series, int index)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"{series}[{index}] is {value}, not a finite score.", series);
        }
    }
}
