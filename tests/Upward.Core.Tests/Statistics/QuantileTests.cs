using Upward.Core.Statistics;

namespace Upward.Core.Tests.Statistics;

/// <summary>Quantile definitions on small samples worked by hand.</summary>
public class QuantileTests
{
    [Fact]
    public void Spss_quartiles_of_one_to_ten_interpolate_at_rank_n_plus_one_times_p()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        // (10 + 1)·0.25 = 2.75 → 2 + 0.75·(3 − 2); (10 + 1)·0.75 = 8.25 → 8.25.
        Assert.Equal(2.75, Quantiles.Spss(sorted, 0.25));
        Assert.Equal(8.25, Quantiles.Spss(sorted, 0.75));
        // (10 − 1)·0.25 + 1 = 3.25; (10 − 1)·0.75 + 1 = 7.75.
        Assert.Equal(3.25, Quantiles.Type7(sorted, 0.25));
        Assert.Equal(7.75, Quantiles.Type7(sorted, 0.75));
        Assert.Equal((3.0, 8.0), Quantiles.TukeyHinges(sorted));
        Assert.Equal(5.5, Quantiles.Median(sorted));
    }

    [Fact]
    public void Spss_quartiles_clamp_to_the_data_for_tiny_samples()
    {
        double[] sorted = [4, 9];
        // (2 + 1)·0.25 = 0.75 is below the first rank; 2.25 is above the last.
        Assert.Equal(4, Quantiles.Spss(sorted, 0.25));
        Assert.Equal(9, Quantiles.Spss(sorted, 0.75));
    }

    [Fact]
    public void Hinges_include_the_median_in_both_halves_when_n_is_odd()
    {
        double[] sorted = [1, 2, 3, 4, 5];
        Assert.Equal((2.0, 4.0), Quantiles.TukeyHinges(sorted));
        double[] seven = [1, 2, 3, 4, 5, 6, 7];
        Assert.Equal((2.5, 5.5), Quantiles.TukeyHinges(seven));
    }

    [Fact]
    public void Medians_of_huge_values_do_not_overflow()
    {
        double[] sorted = [1e308, 1.5e308];
        Assert.Equal(1.25e308, Quantiles.Median(sorted));
        Assert.Equal((1e308, 1.5e308), Quantiles.TukeyHinges(sorted));
    }

    [Fact]
    public void Summary_of_sorts_a_copy()
    {
        double[] values = [5, 1, 3];
        var summary = Summary.Of(values);
        Assert.Equal(new Summary(3, 3, 1, 5, 2, 4, 2, 4, 1, 5), summary);
        Assert.Equal([5.0, 1, 3], values);
    }
}
