namespace Upward.Core.Tests.Statistics;

/// <summary>Seeded random questionnaire data, so property tests are repeatable.</summary>
internal static class RandomPairs
{
    /// <summary>Pairs of Likert-like or continuous scores with a mild upward drift; ties and zeros abound on a small scale.</summary>
    public static (double[] Pre, double[] Post) Generate(int seed, int n, int scale)
    {
        var random = new Random(seed);
        var pre = new double[n];
        var post = new double[n];
        for (int i = 0; i < n; i++)
        {
            pre[i] = scale == 0 ? Math.Round(random.NextDouble() * 100, 2) : random.Next(1, scale + 1);
            int change = random.Next(-2, 4);
            post[i] = scale == 0 ? Math.Round(pre[i] + random.NextDouble() * 20 - 8, 2) : Math.Clamp(pre[i] + change, 1, scale);
        }
        return (pre, post);
    }

    /// <summary>Seeds and shapes for theories: small Likert, totals and continuous data.</summary>
    public static TheoryData<int, int, int> Shapes()
    {
        var data = new TheoryData<int, int, int>();
        foreach (int seed in new[] { 1, 2, 3, 4, 5 })
        {
            data.Add(seed, 3 + seed, 5);
            data.Add(seed, 12 + seed * 7, 5);
            data.Add(seed, 20 + seed * 11, 35);
            data.Add(seed, 5 + seed * 3, 0);
        }
        return data;
    }
}
