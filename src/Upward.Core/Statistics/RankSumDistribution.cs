namespace Upward.Core.Statistics;

/// <summary>
/// The null distribution of the Mann–Whitney U for groups of m and n untied values (R's
/// <c>dwilcox</c>), as far as the Hodges–Lehmann interval needs it: its lower quantile.
/// </summary>
/// <remarks>
/// The counts are the coefficients of the Gaussian binomial [m+n choose m](x), built by Harding's
/// (1984) product Π (1 − x^(n+j))/(1 − x^j), j = 1..min(m, n): m passes over half the support,
/// against R's m·n·(mn/2) table. The product subtracts, so the counts are carried in double-double
/// arithmetic; a test checks them against whole-number arithmetic at 200 + 200.
/// </remarks>
public static class RankSumDistribution
{
    /// <summary>
    /// R's <c>qwilcox(α/2, m, n)</c> (with R's 10ε fuzz), raised to 1 when it is 0 as <c>wilcox.test</c> does,
    /// and 1 − 2·P(U ≤ q − 1): the order statistic of the differences that bounds the interval and its achieved level.
    /// </summary>
    public static (int Q, double AchievedConfLevel) IntervalRank(int m, int n, double confLevel)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        HodgesLehmann.RequireConfLevel(confLevel);
        double[] probabilities = LowerHalf(m, n);
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
        double below = 0;
        for (int u = 0; u < q; u++)
        {
            below += probabilities[u];
        }
        return (q, 1 - 2 * below);
    }

    /// <summary>P(U = u) for u = 0 .. ⌊mn/2⌋.</summary>
    internal static double[] LowerHalf(int m, int n)
    {
        double[] counts = LowerHalfCounts(m, n);
        double total = Combinations.Choose(m + n, Math.Min(m, n));
        for (int u = 0; u < counts.Length; u++)
        {
            counts[u] /= total;
        }
        return counts;
    }

    /// <summary>The number of ways to reach U = u, u = 0 .. ⌊mn/2⌋ (at most C(m+n, m)), correctly rounded.</summary>
    internal static double[] LowerHalfCounts(int m, int n)
    {
        int small = Math.Min(m, n);
        int large = Math.Max(m, n);
        int limit = (int)((long)m * n / 2);
        // Each count is carried as an unevaluated sum high + low (double-double, about 32 digits):
        // the recurrence subtracts, and in plain doubles that cost up to 1e-11 at 200 + 200.
        var previous = new DoubleDouble[limit + 1];
        var current = new DoubleDouble[limit + 1];
        previous[0] = new DoubleDouble(1, 0);   // [large choose 0] = 1
        for (int j = 1; j <= small; j++)
        {
            // current = previous·(1 − x^(large+j))/(1 − x^j), whose degree is j·large.
            long degree = (long)j * large;
            int centre = (int)Math.Min(limit, degree / 2);
            int shift = large + j;
            for (int s = 0; s <= centre; s++)
            {
                var value = previous[s];
                if (s >= shift)
                {
                    value = DoubleDouble.Add(value, previous[s - shift].Negated);
                }
                if (s >= j)
                {
                    value = DoubleDouble.Add(value, current[s - j]);
                }
                current[s] = value;
            }
            // The coefficients are symmetric about degree/2: copy rather than carry on subtracting,
            // which also leaves no rounding residue beyond the degree.
            int top = (int)Math.Min(limit, degree);
            for (int s = centre + 1; s <= top; s++)
            {
                current[s] = current[degree - s];
            }
            Array.Clear(current, top + 1, limit - top);
            (previous, current) = (current, previous);
        }
        var counts = new double[limit + 1];
        for (int u = 0; u <= limit; u++)
        {
            counts[u] = previous[u].High + previous[u].Low;
        }
        return counts;
    }

    // A number held as high + low with |low| ≤ ½ulp(high): twice a double's precision.
    private readonly record struct DoubleDouble(double High, double Low)
    {
        public DoubleDouble Negated => new(-High, -Low);

        // Knuth's two-sum on the high parts, with the low parts added to the error term.
        public static DoubleDouble Add(DoubleDouble a, DoubleDouble b)
        {
            double sum = a.High + b.High;
            double bVirtual = sum - a.High;
            double error = (a.High - (sum - bVirtual)) + (b.High - bVirtual);
            error += a.Low + b.Low;
            double high = sum + error;
            return new DoubleDouble(high, error - (high - sum));
        }
    }
}
