using Upward.Core.Statistics;

namespace Upward.Core.Tests.Statistics;

/// <summary>Every field of every two-sample and Hodges–Lehmann reference case, through the library.</summary>
public class TwoSampleReferenceTests
{
    [Fact]
    public void The_reference_file_has_both_kinds_of_case()
    {
        Assert.True(TwoSampleCase.All.Count(c => c.Command == "two-sample") >= 20);
        Assert.True(TwoSampleCase.All.Count(c => c.Command == "paired") >= 10);
        Assert.All(TwoSampleCase.All, c => Assert.Contains(c.Command, new[] { "two-sample", "paired" }));
    }

    [Theory]
    [MemberData(nameof(TwoSampleCase.TwoSampleIds), MemberType = typeof(TwoSampleCase))]
    public void Two_sample_library_matches_r(string id)
    {
        var reference = TwoSampleCase.Named(id);

        var comparison = TwoSampleComparison.Compute(reference.Values("a"), reference.Values("b"), reference.ConfLevel);

        var problems = ReferenceFields.Mismatches(reference.ExpectedFields, ReferenceFields.Of(comparison));
        Assert.True(problems.Count == 0, $"{id}:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(TwoSampleCase.PairedIds), MemberType = typeof(TwoSampleCase))]
    public void Paired_hodges_lehmann_matches_r(string id)
    {
        var reference = TwoSampleCase.Named(id);
        var (pre, post) = CompletePairs.Keep(reference.Series("pre"), reference.Series("post"));

        var comparison = PairedComparison.Compute(pre, post, reference.ConfLevel);

        var problems = ReferenceFields.Mismatches(reference.ExpectedFields, ReferenceFields.HodgesLehmannOf(comparison));
        Assert.True(problems.Count == 0, $"{id}:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(TwoSampleCase.TwoSampleIds), MemberType = typeof(TwoSampleCase))]
    public void P_values_match_r_to_nine_digits_even_in_the_tail(string id)
    {
        // Stricter than the contract's absolute 1e-12 below 1e-3, as for the paired cases.
        var reference = TwoSampleCase.Named(id);
        var actual = ReferenceFields.Of(TwoSampleComparison.Compute(reference.Values("a"), reference.Values("b"), reference.ConfLevel));
        foreach (var (path, expected) in reference.ExpectedFields)
        {
            if (path.StartsWith("test.p_", StringComparison.Ordinal) && expected is double want)
            {
                double got = actual[path]!.Value;
                Assert.True(Math.Abs(got - want) <= 1e-9 * want, $"{id} {path}: expected {want:R}, got {got:R}");
            }
        }
    }
}
