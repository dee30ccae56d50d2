using BenchmarkDotNet.Attributes;
using Upward.Core.Matching;

namespace Upward.Bench;

/// <summary>Solve time alone (instance already in memory), as in the contract's speed table, plus parsing for scale.</summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private MatchingInstance trust = null!;
    private MatchingInstance region = null!;
    private MatchingInstance national = null!;
    private MatchingInstance scarce = null!;
    private byte[] nationalJson = [];

    [GlobalSetup]
    public void Setup()
    {
        trust = MatchingInstances.Trust();
        region = MatchingInstances.Region();
        national = MatchingInstances.National();
        scarce = MatchingInstances.Scarce();
        var path = Path.GetTempFileName();
        MatchingInstances.WriteJson(national, path);
        nationalJson = File.ReadAllBytes(path);
        File.Delete(path);
    }

    [Benchmark]
    public MatchingSolution TrustOptimal() => Matcher.Optimal(trust);

    [Benchmark]
    public MatchingSolution RegionOptimal() => Matcher.Optimal(region);

    [Benchmark]
    public MatchingSolution NationalOptimal() => Matcher.Optimal(national);

    [Benchmark]
    public MatchingSolution NationalRandom() => Matcher.Random(national, 1);

    [Benchmark]
    public MatchingSolution ScarceOptimal() => Matcher.Optimal(scarce);

    [Benchmark]
    public MatchingSolution ScarceRandom() => Matcher.Random(scarce, 1);

    /// <summary>Reading the national instance's JSON, which includes grouping the pairs and the duplicate check.</summary>
    [Benchmark]
    public MatchingInstance NationalParse() => MatchingInstanceReader.Read(nationalJson);
}
