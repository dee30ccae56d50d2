using System.Text.Json;
using Upward.Cli;
using Upward.Core.Tests.Cli;

namespace Upward.Core.Tests.Statistics;

/// <summary><c>upward stats paired</c> run in-process: exit codes, streams and the one-line errors of the contract.</summary>
public sealed class StatsCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("upward-stats-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Valid_input_writes_the_result_and_exits_zero()
    {
        var run = Run("""{"pre": [20, 20, 21, 22, 25, 25], "post": [27, 29, 28, 30, 31, 29]}""");

        Assert.Equal(CliApp.Ok, run.Exit);
        Assert.Equal("", run.Error);
        using var result = JsonDocument.Parse(run.Output);
        Assert.Equal(6, result.RootElement.GetProperty("n_pairs").GetInt32());
        Assert.Equal(21, result.RootElement.GetProperty("test").GetProperty("w_plus").GetDouble());
        Assert.Equal(0.03125, result.RootElement.GetProperty("test").GetProperty("p_exact").GetDouble());
    }

    [Fact]
    public void Numbers_round_trip_and_whole_numbers_print_as_integers()
    {
        var run = Run("""{"pre": [0.1, 2], "post": [0.30000000000000004, 5]}""");

        Assert.Equal(CliApp.Ok, run.Exit);
        Assert.Contains("\"min\": 0.1,", run.Output);
        Assert.Contains("\"min\": 0.30000000000000004,", run.Output);
        Assert.Contains("\"n_pairs\": 2,", run.Output);
        Assert.Contains("\"w_plus\": 3,", run.Output);
    }

    [Fact]
    public void Nulls_drop_their_pair()
    {
        var run = Run("""{"pre": [1, null, 3, 4], "post": [2, 5, null, 6]}""");

        Assert.Equal(CliApp.Ok, run.Exit);
        using var result = JsonDocument.Parse(run.Output);
        Assert.Equal(2, result.RootElement.GetProperty("n_pairs").GetInt32());
        Assert.Equal(1, result.RootElement.GetProperty("pre").GetProperty("min").GetDouble());
        Assert.Equal(4, result.RootElement.GetProperty("pre").GetProperty("max").GetDouble());
    }

    [Fact]
    public void Every_difference_zero_gives_a_null_test()
    {
        var run = Run("""{"pre": [3, 4], "post": [3, 4]}""");

        Assert.Equal(CliApp.Ok, run.Exit);
        using var result = JsonDocument.Parse(run.Output);
        Assert.Equal(JsonValueKind.Null, result.RootElement.GetProperty("test").ValueKind);
    }

    [Fact]
    public void A_bare_number_is_one_participant_as_rs_jsonlite_writes_it()
    {
        var run = Run("""{"pre": 3, "post": 4}""");

        Assert.Equal(CliApp.Ok, run.Exit);
        using var result = JsonDocument.Parse(run.Output);
        Assert.Equal(1, result.RootElement.GetProperty("n_pairs").GetInt32());
    }

    [Fact]
    public void File_option_reads_the_file_instead_of_standard_input()
    {
        string path = Path.Combine(_directory, "scores.json");
        File.WriteAllText(path, """{"pre": [2, 3, 2, 4, 3], "post": [3, 4, 3, 5, 5]}""");

        var run = Run("this is not read", "--file", path);

        Assert.Equal(CliApp.Ok, run.Exit);
        Assert.Equal("", run.Error);
        using var result = JsonDocument.Parse(run.Output);
        Assert.Equal(5, result.RootElement.GetProperty("n_positive").GetInt32());
    }

    [Theory]
    [InlineData("""{"pre": [1, 2, 3], "post": [1, 2]}""", "\"pre\" has 3 values but \"post\" has 2")]
    [InlineData("""{"pre": [1, null], "post": [null, 2]}""", "no pairs left")]
    [InlineData("""{"pre": [], "post": []}""", "no pairs")]
    [InlineData("""{"pre": [1, "2"], "post": [1, 2]}""", "pre[1] is the string \"2\"")]
    [InlineData("""{"pre": [1, 2], "post": [1, "NaN"]}""", "post[1] is \"NaN\"")]
    [InlineData("""{"pre": [1, NaN], "post": [1, 2]}""", "NaN or Infinity")]
    [InlineData("""{"pre": [1, 2], "post": [1, -Infinity]}""", "NaN or Infinity")]
    [InlineData("""{"pre": [1, 1e400], "post": [1, 2]}""", "pre[1] is 1e400")]
    [InlineData("""{"pre": [1, true], "post": [1, 2]}""", "pre[1] is true or false")]
    [InlineData("""{"pre": [1, -1e308], "post": [1, 1e308]}""", "too large to represent")]
    [InlineData("""{"pre": [1, [2]], "post": [1, 2]}""", "pre[1] is an array")]
    [InlineData("""{"post": [1, 2]}""", "missing key \"pre\"")]
    [InlineData("""{"pre": [1, 2]}""", "missing key \"post\"")]
    [InlineData("""{"pre": [1], "pre": [2], "post": [3]}""", "\"pre\" appears more than once")]
    [InlineData("""{"pre": [1, 2], "post": [1, 2]""", "not valid JSON")]
    [InlineData("""{"pre": [1, 2], "post": [1, 2]} {}""", "not valid JSON")]
    [InlineData("", "not valid JSON")]
    [InlineData("""[1, 2]""", "must be a JSON object")]
    public void Bad_input_is_one_line_on_standard_error_and_exit_two(string input, string problem)
    {
        var run = Run(input);

        AssertRefused(run, problem);
    }

    [Fact]
    public void A_missing_file_is_one_line_and_exit_two()
    {
        string path = Path.Combine(_directory, "absent.json");

        var run = Run("", "--file", path);

        AssertRefused(run, $"cannot read {path}");
    }

    [Fact]
    public void A_directory_instead_of_a_file_is_one_line_and_exit_two()
    {
        var run = Run("", "--file", _directory);

        AssertRefused(run, "cannot read");
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

    private static CommandRun Run(string input, params string[] options)
    {
        var run = CliRun.WithInput(input, ["stats", "paired", .. options]);
        return new CommandRun(run.ExitCode, run.Out, run.Error);
    }

    private sealed record CommandRun(int Exit, string Output, string Error);
}
