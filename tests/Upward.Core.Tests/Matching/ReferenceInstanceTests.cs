using Upward.Core.Matching;

namespace Upward.Core.Tests.Matching;

public class ReferenceInstanceTests
{
    public static TheoryData<string> Instances => ReferenceData.InstanceNames();

    [Theory]
    [MemberData(nameof(Instances))]
    public void Optimal_mode_reaches_the_reference_optimum(string name)
    {
        var instance = ReferenceData.Load(name);
        var expected = ReferenceData.Optima()[name];

        var solution = Matcher.Optimal(instance);

        AllocationRules.AssertValid(instance, solution);
        Assert.Equal(expected.Matched, solution.Matched);
        Assert.Equal(expected.TotalWeight, solution.TotalWeight);
        Assert.Null(solution.Seed);
    }

    [Theory]
    [MemberData(nameof(Instances))]
    public void Random_mode_matches_as_many_mentees_as_the_optimum(string name)
    {
        var instance = ReferenceData.Load(name);

        var solution = Matcher.Random(instance, seed: 20240601);

        AllocationRules.AssertValid(instance, solution);
        Assert.Equal(ReferenceData.Optima()[name].Matched, solution.Matched);
    }

    [Fact]
    public void Every_reference_instance_is_covered()
    {
        var files = Directory.GetFiles(ReferenceData.Folder, "*.json")
            .Select(Path.GetFileName)
            .Where(n => n != "optima.json");
        Assert.Equal(files.Order(StringComparer.Ordinal), ReferenceData.Optima().Keys.Order(StringComparer.Ordinal));
    }
}
