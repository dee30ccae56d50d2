namespace Upward.Core.Statistics;

/// <summary>The exact two-sided sign test: do increases and decreases differ from an even split?</summary>
public static class SignTest
{
    private static readonly double RescaleAbove = Math.ScaleB(1, 500);

    /// <summary>min(1, 2·P(X ≤ min(increases, decreases))) with X ~ Binomial(increases + decreases, ½).</summary>
    public static double TwoSidedP(int increases, int decreases)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(increases);
        ArgumentOutOfRangeException.ThrowIfNegative(decreases);
        int n = increases + decreases;
        int smaller = Math.Min(increases, decreases);
        if (2 * smaller >= n)
        {
            return 1;   // an even split: the lower tail already holds half the distribution
        }
        // Σ C(n, k) for k ≤ smaller, built term by term; 2⁻ⁿ would underflow for n > 1074, so the
        // sum is carried with its own power-of-two exponent and scaled once at the end.
        double term = 1;
        double sum = 1;
        int exponent = -n;
        for (int k = 0; k < smaller; k++)
        {
            term *= (double)(n - k) / (k + 1);
            sum += term;
            if (sum > RescaleAbove)
            {
                term = Math.ScaleB(term, -500);
                sum = Math.ScaleB(sum, -500);
                exponent += 500;
            }
        }
        return Math.Min(1, Math.ScaleB(sum, exponent + 1));
    }
}
