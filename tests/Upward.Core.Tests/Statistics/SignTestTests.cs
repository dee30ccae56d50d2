using Upward.Core.Statistics;

namespace Upward.Core.Tests.Statistics;

/// <summary>The exact sign test against binomial sums worked out by hand or by definition.</summary>
public class SignTestTests
{
    [Theory]
    [InlineData(5, 0, 0.0625)]       // 2 × 1/32
    [InlineData(0, 5, 0.0625)]
    [InlineData(6, 1, 0.125)]        // 2 × (1 + 7)/128
    [InlineData(3, 3, 1)]
    [InlineData(4, 3, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(0, 0, 1)]
    [InlineData(8, 2, 0.109375)]     // 2 × (1 + 10 + 45)/1024
    public void Matches_the_binomial_tail(int increases, int decreases, double expected)
    {
        Assert.Equal(expected, SignTest.TwoSidedP(increases, decreases), 15);
    }

    [Fact]
    public void Large_samples_neither_overflow_nor_lose_precision()
    {
        // n = 2000 with 900 decreases: 2ⁿ and C(n, k) both overflow a double if formed directly.
        double p = SignTest.TwoSidedP(1100, 900);
        double byLogs = 2 * Enumerable.Range(0, 901).Sum(k => Math.Exp(LogChoose(2000, k) - 2000 * Math.Log(2)));
        Assert.Equal(byLogs, p, byLogs * 1e-9);
    }

    [Fact]
    public void A_hundred_thousand_all_rising_underflows_to_zero_rather_than_failing()
    {
        Assert.Equal(0, SignTest.TwoSidedP(100_000, 0));
    }

    private static double LogChoose(int n, int k)
    {
        double sum = 0;
        for (int i = 1; i <= k; i++)
        {
            sum += Math.Log(n - k + i) - Math.Log(i);
        }
        return sum;
    }
}
