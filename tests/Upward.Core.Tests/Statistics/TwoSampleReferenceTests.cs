using System.Text.Json;
using Upward.Cli;
using Upward.Core.Statistics;
using Upward.Core.Tests.Cli;

namespace Upward.Core.Tests.Statistics;

/// <summary>Every field of every two-sample and Hodges–Lehmann reference case, through the library and through the command line.</summary>
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
    public void Two_sample_command_line_matches_r(string id)
    {
        var reference = TwoSampleCase.Named(id);
        // The case's input exactly as R wrote it.
        var run = CliRun.WithInput(reference.Input.GetRawText(), "stats", "two-sample");

        Assert.Equal("", run.Error);
        Assert.Equal(CliApp.Ok, run.ExitCode);
        using var written = JsonDocument.Parse(run.Out);
        var problems = ReferenceFields.Mismatches(reference.ExpectedFields, ReferenceFields.Flatten(written.RootElement));
        Assert.True(problems.Count == 0, $"{id}:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(TwoSampleCase.PairedIds), MemberType = typeof(TwoSampleCase))]
    public void Paired_command_line_matches_r(string id)
    {
        var reference = TwoSampleCase.Named(id);
        var run = CliRun.WithInput(reference.Input.GetRawText(), "stats", "paired");

        Assert.Equal("", run.Error);
        Assert.Equal(CliApp.Ok, run.ExitCode);
        using var written = JsonDocument.Parse(run.Out);
        var all = ReferenceFields.Flatten(written.RootElement);
        // A paired case's expected object names only the fields it checks; the rest are the paired contract's.
        Assert.Contains(all.Keys, path => path.StartsWith("test", StringComparison.Ordinal));
        var fields = ReferenceFields.Only(all, reference.ExpectedFields.Keys);
        var problems = ReferenceFields.Mismatches(reference.ExpectedFields, fields);
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
