using Upward.Core.Statistics;

namespace Upward.Core.Tests.Statistics;

/// <summary>"n out of N (p%)" wording and the Wilson interval against published and hand-computed values.</summary>
public class ProportionTests
{
    [Theory]
    [InlineData(4, 6, "4 out of 6 (66.7%)")]
    [InlineData(0, 5, "0 out of 5 (0.0%)")]
    [InlineData(5, 5, "5 out of 5 (100.0%)")]
    [InlineData(1, 8, "1 out of 8 (12.5%)")]
    [InlineData(1, 16, "1 out of 16 (6.3%)")]      // 6.25 rounds half away from zero, as papers do
    [InlineData(1, 3, "1 out of 3 (33.3%)")]
    [InlineData(1234, 2000, "1,234 out of 2,000 (61.7%)")]
    [InlineData(0, 0, "0 out of 0")]
    public void Reads_the_way_papers_write_it(int count, int total, string expected)
    {
        Assert.Equal(expected, new Proportion(count, total).ToString());
    }

    [Theory]
    // Newcombe (1998), Statistics in Medicine 17:857–872, table I, method 3 (to four decimals).
    [InlineData(81, 263, 0.2553, 0.3662)]
    [InlineData(15, 148, 0.0624, 0.1605)]
    [InlineData(0, 20, 0.0000, 0.1611)]
    [InlineData(1, 29, 0.0061, 0.1718)]
    public void Wilson_interval_matches_Newcombe(int count, int total, double lower, double upper)
    {
        var interval = new Proportion(count, total).Wilson95();
        Assert.Equal(lower, interval.Lower, 4);
        Assert.Equal(upper, interval.Upper, 4);
    }

    [Theory]
    // (p + z²/2n)/(1 + z²/n) ∓ z/(1 + z²/n)·√(p(1−p)/n + z²/4n²), z = 1.959963984540054, worked to 30 digits.
    [InlineData(4, 6, 0.29999331513839203, 0.90322858889421952)]
    [InlineData(29, 29, 0.88303020150025925, 1.0)]
    [InlineData(5, 5, 0.56551753521682523, 1.0)]
    public void Wilson_interval_matches_hand_computation(int count, int total, double lower, double upper)
    {
        var interval = new Proportion(count, total).Wilson95();
        Assert.Equal(lower, interval.Lower, 1e-14);
        Assert.Equal(upper, interval.Upper, 1e-14);
    }

    [Fact]
    public void A_count_above_the_total_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Proportion(7, 6));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Proportion(-1, 6));
    }

    [Fact]
    public void Nobody_has_no_interval()
    {
        Assert.Throws<InvalidOperationException>(() => new Proportion(0, 0).Wilson95());
    }
}
