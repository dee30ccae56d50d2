using Upward.Core.Statistics;

namespace Upward.Core.Tests.Statistics;

/// <summary>The normal tail against values computed to 40 digits with mpmath (ncdf(−z)).</summary>
public class NormalDistributionTests
{
    [Theory]
    [InlineData(0.5, 0.30853753872598689636)]
    [InlineData(1, 0.15865525393145705141)]
    [InlineData(1.959963984540054, 0.025000000000000010876)]
    [InlineData(3, 0.0013498980316300945267)]
    [InlineData(5, 2.8665157187919391167e-7)]
    [InlineData(8, 6.2209605742717841235e-16)]
    [InlineData(8.4, 2.2323931972880435871e-17)]
    [InlineData(10, 7.619853024160526066e-24)]
    [InlineData(20, 2.7536241186062336951e-89)]
    [InlineData(30, 4.9067139271481870595e-198)]
    public void Upper_tail_is_accurate_to_a_few_units_in_the_last_place(double z, double expected)
    {
        double actual = NormalDistribution.UpperTail(z);
        Assert.True(Math.Abs(actual - expected) <= 5e-15 * expected, $"Q({z}) = {actual:R}, expected {expected:R}");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(0.7)]
    [InlineData(1.5)]
    [InlineData(2.5)]
    [InlineData(6)]
    public void Cdf_is_symmetric(double z)
    {
        Assert.Equal(1, NormalDistribution.Cdf(z) + NormalDistribution.Cdf(-z), 15);
    }

    [Fact]
    public void Two_sided_p_at_zero_is_one()
    {
        Assert.Equal(1, NormalDistribution.TwoSidedP(0));
    }

    [Fact]
    public void Far_tail_is_zero_not_nan()
    {
        Assert.Equal(0, NormalDistribution.UpperTail(50));
        Assert.Equal(1, NormalDistribution.Cdf(50));
    }
}
