using System.Text.Json;
using Upward.Cli;
using Upward.Core.Statistics;
using Upward.Core.Tests.Cli;

namespace Upward.Core.Tests.Statistics;

/// <summary>Every field of every R reference case, through the library and through the command line.</summary>
public class ReferenceCaseTests
{
    [Fact]
    public void The_reference_file_has_cases()
    {
        Assert.True(PairedCase.All.Count >= 30, $"only {PairedCase.All.Count} cases loaded");
        Assert.Contains(PairedCase.All, c => c.Input.GetProperty("pre").ValueKind == JsonValueKind.Number);
    }

    [Theory]
    [MemberData(nameof(PairedCase.Ids), MemberType = typeof(PairedCase))]
    public void Library_matches_r(string id)
    {
        var reference = PairedCase.Named(id);
        var (pre, post) = CompletePairs.Keep(reference.Pre, reference.Post);

        var comparison = PairedComparison.Compute(pre, post);

        var problems = ReferenceFields.Mismatches(reference.ExpectedFields, ReferenceFields.Of(comparison));
        Assert.True(problems.Count == 0, $"{id}:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(PairedCase.Ids), MemberType = typeof(PairedCase))]
    public void Command_line_matches_r(string id)
    {
        var reference = PairedCase.Named(id);
        // The case's input exactly as R wrote it, bare numbers included.
        var run = CliRun.WithInput(reference.Input.GetRawText(), "stats", "paired");

        Assert.Equal("", run.Error);
        Assert.Equal(CliApp.Ok, run.ExitCode);
        using var written = JsonDocument.Parse(run.Out);
        // This file predates the Hodges–Lehmann fields; two-sample-and-hl-cases.json checks those.
        var fields = ReferenceFields.Without(ReferenceFields.Flatten(written.RootElement), "hodges_lehmann");
        var problems = ReferenceFields.Mismatches(reference.ExpectedFields, fields);
        Assert.True(problems.Count == 0, $"{id}:\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(PairedCase.Ids), MemberType = typeof(PairedCase))]
    public void P_values_match_r_to_nine_digits_even_in_the_tail(string id)
    {
        // Stricter than the contract's absolute 1e-12, which would accept any p below 1e-12:
        // R printed 15 significant digits, so a p of 1e-18 can and should agree relatively too.
        var reference = PairedCase.Named(id);
        var (pre, post) = CompletePairs.Keep(reference.Pre, reference.Post);
        var actual = ReferenceFields.Of(PairedComparison.Compute(pre, post));
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
