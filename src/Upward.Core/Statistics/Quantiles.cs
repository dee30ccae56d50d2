namespace Upward.Core.Statistics;

/// <summary>Order statistics of an already-sorted sample, defined exactly as SPSS and R define them.</summary>
/// <remarks>
/// Every method takes data sorted ascending so that one sort serves every figure in a report.
/// Interpolation is written (1 − h)·x₍j₎ + h·x₍j+1₎, R's form, so results agree with R to the last bit
/// where it matters (for example −1 and 1 give exactly 0).
/// </remarks>
public static class Quantiles
{
    /// <summary>The median: the middle value, or the mean of the two middle values.</summary>
    public static double Median(ReadOnlySpan<double> sorted)
    {
        RequireData(sorted);
        int n = sorted.Length;
        int half = n / 2;
        return n % 2 == 1 ? sorted[half] : Midpoint(sorted[half - 1], sorted[half]);
    }

    /// <summary>SPSS's default percentile (R's quantile type 6): the value at rank (n + 1)·p, clamped to the data.</summary>
    public static double Spss(ReadOnlySpan<double> sorted, double probability)
    {
        RequireData(sorted);
        RequireProbability(probability);
        return AtRank(sorted, (sorted.Length + 1) * probability);
    }

    /// <summary>R's and Excel's default quantile (type 7): the value at rank (n − 1)·p + 1.</summary>
    public static double Type7(ReadOnlySpan<double> sorted, double probability)
    {
        RequireData(sorted);
        RequireProbability(probability);
        return AtRank(sorted, (sorted.Length - 1) * probability + 1);
    }

    /// <summary>Tukey's lower and upper hinges (R's fivenum): medians of each half, the median included in both when n is odd.</summary>
    public static (double Lower, double Upper) TukeyHinges(ReadOnlySpan<double> sorted)
    {
        RequireData(sorted);
        int n = sorted.Length;
        // fivenum's depth of the hinge, floor((n + 3) / 2) / 2, is a whole or half rank.
        double depth = ((n + 3) / 2) / 2.0;
        return (AtHalfRank(sorted, depth), AtHalfRank(sorted, n + 1 - depth));
    }

    // Linear interpolation at a 1-based fractional rank; ranks outside [1, n] take the nearest end,
    // which is how SPSS and R clamp the quartiles of small samples.
    private static double AtRank(ReadOnlySpan<double> sorted, double rank)
    {
        int n = sorted.Length;
        if (rank <= 1)
        {
            return sorted[0];
        }
        if (rank >= n)
        {
            return sorted[n - 1];
        }
        int j = (int)Math.Floor(rank);
        double h = rank - j;
        double low = sorted[j - 1];
        double high = sorted[j];
        return h == 0 || low == high ? low : (1 - h) * low + h * high;
    }

    private static double AtHalfRank(ReadOnlySpan<double> sorted, double rank)
    {
        int below = (int)Math.Floor(rank);
        int above = (int)Math.Ceiling(rank);
        return Midpoint(sorted[below - 1], sorted[above - 1]);
    }

    // (a + b)/2, which is exact barring overflow; halving first only when the sum would overflow.
    internal static double Midpoint(double a, double b)
    {
        double sum = a + b;
        return double.IsFinite(sum) ? sum / 2 : a / 2 + b / 2;
    }

    private static void RequireData(ReadOnlySpan<double> sorted)
    {
        if (sorted.IsEmpty)
        {
            throw new ArgumentException("A quantile needs at least one value.", nameof(sorted));
        }
    }

    private static void RequireProbability(double probability)
    {
        if (!(probability >= 0 && probability <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability lies between 0 and 1.");
        }
    }
}
