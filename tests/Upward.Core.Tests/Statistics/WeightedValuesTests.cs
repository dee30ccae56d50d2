using Upward.Core.Statistics;

namespace Upward.Core.Tests.Statistics;

/// <summary>Order statistics held by distinct value are those of the full listing, rank by rank.</summary>
public class WeightedValuesTests
{
    [Theory]
    [InlineData(1, 1, 5)]
    [InlineData(2, 40, 5)]
    [InlineData(3, 60, 35)]
    [InlineData(4, 30, 0)]
    public void Walsh_averages_match_listing_every_one(int seed, int n, int scale)
    {
        double[] d = Draw(seed, n, scale);
        Array.Sort(d);
        var listed = new List<double>();
        for (int i = 0; i < n; i++)
        {
            for (int j = i; j < n; j++)
            {
                listed.Add((d[i] + d[j]) / 2);
            }
        }
        listed.Sort();

        var weighted = WeightedValues.WalshAverages(d);

        Assert.Equal(listed.Count, weighted.Count);
        for (int rank = 1; rank <= listed.Count; rank++)
        {
            Assert.Equal(listed[rank - 1], weighted.At(rank));
        }
        Assert.Equal(Quantiles.Median(listed.ToArray()), weighted.Median());
    }

    [Theory]
    [InlineData(5, 7, 9, 5)]
    [InlineData(6, 30, 1, 35)]
    [InlineData(7, 25, 20, 0)]
    public void Differences_match_listing_every_one(int seed, int sizeA, int sizeB, int scale)
    {
        double[] a = Draw(seed, sizeA, scale);
        double[] b = Draw(seed + 100, sizeB, scale);
        double[] listed = [.. a.SelectMany(x => b.Select(y => x - y)).Order()];

        var weighted = WeightedValues.Differences(a, b);

        Assert.Equal(listed.Length, weighted.Count);
        for (int rank = 1; rank <= listed.Length; rank++)
        {
            Assert.Equal(listed[rank - 1], weighted.At(rank));
        }
        Assert.Equal(Quantiles.Median(listed), weighted.Median());
    }

    private static double[] Draw(int seed, int n, int scale)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, n).Select(_ => scale == 0 ? Math.Round(random.NextDouble() * 20 - 10, 2) : random.Next(-scale, scale + 1))];
    }
}
