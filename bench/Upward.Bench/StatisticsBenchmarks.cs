using BenchmarkDotNet.Attributes;
using Upward.Core.Statistics;

namespace Upward.Bench;

/// <summary>The statistics workloads with stated targets: the exact p at its size limits, a whole-trust comparison, and the Hodges–Lehmann intervals at theirs.</summary>
[MemoryDiagnoser]
public class StatisticsBenchmarks
{
    private SignedRanks _thousandTied = null!;
    private SignedRanks _thousandDistinct = null!;
    private double[] _pre = null!;
    private double[] _post = null!;
    private PooledRanks _hundredAndHundredTied = null!;
    private double[] _thousandTiedDifferences = null!;
    private double[] _thousandDistinctDifferences = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261124);
        // 1000 non-zero differences on a 1–5 Likert scale: four sizes of change, so every rank is tied,
        // and no drift, so the observed W₊ is near the mean and the tail to count is as long as it gets.
        _thousandTied = Rank([.. Enumerable.Range(0, 1000).Select(_ => (double)(random.Next(1, 5) * (random.Next(2) == 0 ? -1 : 1)))]);
        // And the no-ties case for comparison: 1000 distinct magnitudes.
        _thousandDistinct = Rank([.. Enumerable.Range(1, 1000).Select(i => i * (random.Next(2) == 0 ? -1.0 : 1.0))]);

        // 100,000 participants' totals out of 35 (a whole trust), scores drifting upward.
        _pre = new double[100_000];
        _post = new double[100_000];
        for (int i = 0; i < _pre.Length; i++)
        {
            _pre[i] = random.Next(7, 36);
            _post[i] = Math.Clamp(_pre[i] + random.Next(-4, 7), 7, 35);
        }

        // Two arms of 100 change scores between −4 and +4 (nine values, so every rank is tied), with
        // no difference between the arms: the observed U is near its mean, the longest tails to count.
        double[] armA = [.. Enumerable.Range(0, 100).Select(_ => (double)random.Next(-4, 5))];
        double[] armB = [.. Enumerable.Range(0, 100).Select(_ => (double)random.Next(-4, 5))];
        Array.Sort(armA);
        Array.Sort(armB);
        _hundredAndHundredTied = PooledRanks.FromSorted(armA, armB);

        _thousandTiedDifferences = [.. Enumerable.Range(0, 1000).Select(_ => (double)(random.Next(1, 5) * (random.Next(2) == 0 ? -1 : 1)))];
        Array.Sort(_thousandTiedDifferences);
        _thousandDistinctDifferences = [.. Enumerable.Range(1, 1000).Select(i => i * (random.Next(2) == 0 ? -1.0 : 1.0) + random.NextDouble() / 2)];
        Array.Sort(_thousandDistinctDifferences);
    }

    /// <summary>Exact two-sample p for 100 + 100 people with heavy ties (target under 0.5 s).</summary>
    [Benchmark]
    public double? ExactTwoSamplePHundredAndHundredTied() => ExactRankSumTest.TwoSidedP(_hundredAndHundredTied);

    /// <summary>The paired Hodges–Lehmann estimate and interval at its size limit: 1000 non-zero differences, 500,500 Walsh averages.</summary>
    [Benchmark]
    public HodgesLehmann? PairedHodgesLehmannThousand() => HodgesLehmannEstimator.Paired(_thousandTiedDifferences);

    /// <summary>The same with 1000 distinct differences: every one of the 500,500 Walsh averages is its own entry.</summary>
    [Benchmark]
    public HodgesLehmann? PairedHodgesLehmannThousandDistinct() => HodgesLehmannEstimator.Paired(_thousandDistinctDifferences);

    /// <summary>The two-sample Hodges–Lehmann shift at its size limit: 200 + 200, 40,000 differences.</summary>
    [Benchmark]
    public HodgesLehmann? TwoSampleHodgesLehmannTwoHundredEach() => HodgesLehmannEstimator.TwoSample(_pre.AsSpan(0, 200), _post.AsSpan(0, 200));

    /// <summary>Exact p for 1000 non-zero, heavily tied differences (target under 0.5 s).</summary>
    [Benchmark]
    public double? ExactPThousandTied() => ExactSignedRankTest.TwoSidedP(_thousandTied);

    /// <summary>Exact p for 1000 distinct differences, the untied worst case.</summary>
    [Benchmark]
    public double? ExactPThousandDistinct() => ExactSignedRankTest.TwoSidedP(_thousandDistinct);

    /// <summary>Every figure of the paired comparison for 100,000 pairs (target under 50 ms).</summary>
    [Benchmark]
    public PairedComparison PairedSummaryHundredThousand() => PairedComparison.Compute(_pre, _post);

    private static SignedRanks Rank(double[] differences)
    {
        Array.Sort(differences);
        return SignedRanks.FromSortedDifferences(differences);
    }
}
