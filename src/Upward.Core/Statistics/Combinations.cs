namespace Upward.Core.Statistics;

/// <summary>Binomial coefficients as doubles, for normalising exact counts.</summary>
internal static class Combinations
{
    /// <summary>C(n, k) by the product formula; relative error below 2k·2⁻⁵³, no overflow up to C(1020, 510).</summary>
    public static double Choose(int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(k, n);
        k = Math.Min(k, n - k);
        double result = 1;
        for (int i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }
        return result;
    }
}
