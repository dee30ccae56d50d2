using System.Text.Json;
using Upward.Cli;
using Upward.Core.Tests.Cli;

namespace Upward.Core.Tests.Statistics;

/// <summary><c>upward stats two-sample</c>, and <c>conf_level</c> in both stats commands, run in-process: exit codes, streams and one-line errors.</summary>
public sealed class TwoSampleCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("upward-two-sample-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Valid_input_writes_the_result_and_exits_zero()
    {
        var run = Run("two-sample", """{"a": [3, 4, 5, 5], "b": [1, 2, 2]}""");

        Assert.Equal(CliApp.Ok, run.Exit);
        Assert.Equal("", run.Error);
        using var result = JsonDocument.Parse(run.Output);
        var root = result.RootElement;
        Assert.Equal(4, root.GetProperty("n_a").GetInt32());
        Assert.Equal(12, root.GetProperty("test").GetProperty("u_a").GetDouble());
        Assert.Equal(1, root.GetProperty("test").GetProperty("rank_biserial").GetDouble());
        // Every one of the C(7, 3) = 35 choices of b's ranks is as extreme only twice: all lowest or all highest.
        Assert.Equal(2.0 / 35, root.GetProperty("test").GetProperty("p_exact").GetDouble(), 1e-15);
        Assert.Equal(0.95, root.GetProperty("hodges_lehmann").GetProperty("conf_level").GetDouble());
    }

    [Fact]
    public void Nulls_are_dropped_from_their_own_group_only()
    {
        var run = Run("two-sample", """{"a": [1, null, 3], "b": [null, 5]}""");

        Assert.Equal(CliApp.Ok, run.Exit);
        using var result = JsonDocument.Parse(run.Output);
        Assert.Equal(2, result.RootElement.GetProperty("n_a").GetInt32());
        Assert.Equal(1, result.RootElement.GetProperty("n_b").GetInt32());
    }

    [Fact]
    public void A_confidence_level_changes_the_interval_and_is_echoed()
    {
        string values = """ "a": [12, 15, 17, 20, 22, 25, 26, 30], "b": [10, 11, 13, 14, 16, 18, 19, 21]""";

        var wide = Parse(Run("two-sample", $$"""{{{values}}, "conf_level": 0.99}"""));
        var narrow = Parse(Run("two-sample", $$"""{{{values}}, "conf_level": 0.8}"""));

        Assert.Equal(0.99, wide.GetProperty("conf_level").GetDouble());
        Assert.True(wide.GetProperty("lower").GetDouble() < narrow.GetProperty("lower").GetDouble());
        Assert.True(wide.GetProperty("upper").GetDouble() > narrow.GetProperty("upper").GetDouble());
    }

    [Fact]
    public void Paired_output_carries_the_hodges_lehmann_estimate_and_takes_a_level()
    {
        var run = Run("paired", """{"pre": [20, 20, 21, 22, 25, 25], "post": [27, 29, 28, 30, 31, 29], "conf_level": 0.9}""");

        Assert.Equal(CliApp.Ok, run.Exit);
        using var result = JsonDocument.Parse(run.Output);
        var estimate = result.RootElement.GetProperty("hodges_lehmann");
        Assert.Equal(0.9, estimate.GetProperty("conf_level").GetDouble());
        Assert.InRange(estimate.GetProperty("estimate").GetDouble(), estimate.GetProperty("lower").GetDouble(), estimate.GetProperty("upper").GetDouble());
    }

    [Fact]
    public void File_option_reads_the_file_instead_of_standard_input()
    {
        string path = Path.Combine(_directory, "arms.json");
        File.WriteAllText(path, """{"a": [2, 3], "b": [4, 5, 6]}""");

        var run = Run("two-sample", "this is not read", "--file", path);

        Assert.Equal(CliApp.Ok, run.Exit);
        Assert.Equal(3, JsonDocument.Parse(run.Output).RootElement.GetProperty("n_b").GetInt32());
    }

    [Theory]
    [InlineData("""{"a": [], "b": [1]}""", "\"a\" is empty")]
    [InlineData("""{"a": [1], "b": [null, null]}""", "\"b\" has no values left")]
    [InlineData("""{"a": [1, "2"], "b": [1]}""", "a[1] is the string \"2\"")]
    [InlineData("""{"a": [1, NaN], "b": [1]}""", "NaN or Infinity")]
    [InlineData("""{"a": [1], "b": [1, 1e400]}""", "b[1] is 1e400")]
    [InlineData("""{"a": [1e308], "b": [-1e308]}""", "too large to represent")]
    [InlineData("""{"b": [1, 2]}""", "missing key \"a\"")]
    [InlineData("""{"a": [1, 2]}""", "missing key \"b\"")]
    [InlineData("""{"a": [1], "a": [2], "b": [3]}""", "\"a\" appears more than once")]
    [InlineData("""{"a": [1], "b": [2], "conf_level": 1}""", "conf_level is 1: it must be strictly between 0 and 1")]
    [InlineData("""{"a": [1], "b": [2], "conf_level": 0}""", "strictly between 0 and 1")]
    [InlineData("""{"a": [1], "b": [2], "conf_level": "0.9"}""", "conf_level is a string")]
    [InlineData("""{"a": [1], "b": [2], "conf_level": null}""", "conf_level is null")]
    [InlineData("""{"a": [1], "b": [2], "conf_level": 0.9, "conf_level": 0.8}""", "\"conf_level\" appears more than once")]
    [InlineData("""{"a": [1], "b": [2]""", "not valid JSON")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    public void Bad_two_sample_input_is_one_line_on_standard_error_and_exit_two(string input, string problem)
    {
        AssertRefused(Run("two-sample", input), problem);
    }

    [Theory]
    [InlineData("""{"pre": [1], "post": [2], "conf_level": 1.5}""", "strictly between 0 and 1")]
    [InlineData("""{"pre": [1], "post": [2], "conf_level": true}""", "conf_level is true or false")]
    public void A_bad_level_for_the_paired_command_is_one_line_and_exit_two(string input, string problem)
    {
        AssertRefused(Run("paired", input), problem);
    }

    private static JsonElement Parse(CommandRun run)
    {
        Assert.Equal(CliApp.Ok, run.Exit);
        return JsonDocument.Parse(run.Output).RootElement.GetProperty("hodges_lehmann").Clone();
    }

    private static void AssertRefused(CommandRun run, string problem)
    {
        Assert.Equal(CliApp.BadInput, run.Exit);
        Assert.Equal("", run.Output);
        Assert.EndsWith(Environment.NewLine, run.Error);
        string[] lines = run.Error.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(problem, lines[0]);
    }

    private static CommandRun Run(string command, string input, params string[] options)
    {
        var run = CliRun.WithInput(input, ["stats", command, .. options]);
        return new CommandRun(run.ExitCode, run.Out, run.Error);
    }

    private sealed record CommandRun(int Exit, string Output, string Error);
}
