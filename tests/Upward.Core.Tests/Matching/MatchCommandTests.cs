using System.Text.Json;
using System.Text.RegularExpressions;
using Upward.Cli;
using Upward.Core.Tests.Cli;

namespace Upward.Core.Tests.Matching;

public class MatchCommandTests
{
    private const string Valid = """
        {"format": "upward-matching-instance", "version": 1,
         "mentors": [{"id": "r1", "capacity": 2}, {"id": "r2", "capacity": 0}],
         "mentees": [{"id": "c1"}, {"id": "c2"}],
         "pairs":   [{"mentor": "r1", "mentee": "c1", "weight": 40}]}
        """;

    public static TheoryData<string, string, string> InvalidInputs => new()
    {
        { "malformed JSON", """{"format": "upward-matching-instance", "version": 1, "mentors": [""", "malformed JSON" },
        { "trailing content", Valid + "}", "malformed JSON" },
        { "not an object", "[]", "JSON object" },
        { "wrong format", Valid.Replace("upward-matching-instance", "upward-matching-solution"), "upward-matching-solution" },
        { "missing format", Valid.Replace("\"format\": \"upward-matching-instance\",", ""), "format" },
        { "wrong version", Valid.Replace("\"version\": 1", "\"version\": 2"), "version" },
        { "missing mentor id", Valid.Replace("{\"id\": \"r2\", \"capacity\": 0}", "{\"capacity\": 0}"), "mentors[1]" },
        { "missing mentee id", Valid.Replace("{\"id\": \"c2\"}", "{}"), "mentees[1]" },
        { "empty mentee id", Valid.Replace("{\"id\": \"c2\"}", "{\"id\": \"\"}"), "mentees[1]" },
        { "duplicate mentor id", Valid.Replace("\"r2\", \"capacity\"", "\"r1\", \"capacity\""), "'r1'" },
        { "duplicate mentee id", Valid.Replace("{\"id\": \"c2\"}", "{\"id\": \"c1\"}"), "'c1'" },
        { "unknown mentor", Valid.Replace("\"mentor\": \"r1\"", "\"mentor\": \"r9\""), "'r9'" },
        { "unknown mentee", Valid.Replace("\"mentee\": \"c1\"", "\"mentee\": \"c9\""), "'c9'" },
        { "same pair twice", Valid.Replace("\"weight\": 40}]", "\"weight\": 40}, {\"mentor\": \"r2\", \"mentee\": \"c2\", \"weight\": 1}, {\"mentee\": \"c1\", \"mentor\": \"r1\", \"weight\": 7}]"), "pairs[2]" },
        { "negative capacity", Valid.Replace("\"capacity\": 0", "\"capacity\": -1"), "'r2'" },
        { "fractional capacity", Valid.Replace("\"capacity\": 0", "\"capacity\": 1.5"), "mentors[1]" },
        { "capacity as text", Valid.Replace("\"capacity\": 0", "\"capacity\": \"1\""), "mentors[1]" },
        { "weight above 100", Valid.Replace("\"weight\": 40", "\"weight\": 101"), "pairs[0]" },
        { "negative weight", Valid.Replace("\"weight\": 40", "\"weight\": -1"), "pairs[0]" },
        { "fractional weight", Valid.Replace("\"weight\": 40", "\"weight\": 40.5"), "pairs[0]" },
        { "weight as text", Valid.Replace("\"weight\": 40", "\"weight\": \"40\""), "pairs[0]" },
        { "missing weight", Valid.Replace(", \"weight\": 40", ""), "pairs[0]" },
        { "missing pairs", Valid.Replace(",\n \"pairs\":   [{\"mentor\": \"r1\", \"mentee\": \"c1\", \"weight\": 40}]", ""), "pairs" },
    };

    [Theory]
    [MemberData(nameof(InvalidInputs))]
    public void Invalid_input_exits_2_with_one_line_naming_the_culprit(string _, string json, string named)
    {
        var (exit, output, error) = Run(json, "match");

        Assert.Equal(CliApp.BadInput, exit);
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(named, line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_valid_instance_gives_the_contract_solution()
    {
        var (exit, output, error) = Run(Valid, "match");

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal("", error);
        Assert.Equal(
            """{"format":"upward-matching-solution","version":1,"mode":"optimal","seed":null,"matched":1,"total_weight":40,"assignments":[{"mentor":"r1","mentee":"c1","weight":40}],"unmatched_mentees":["c2"]}""" + "\n",
            output);
    }

    [Fact]
    public void Pairs_before_the_people_they_name_are_still_read()
    {
        var json = """
            {"pairs": [{"mentor": "r1", "mentee": "c1", "weight": 40}],
             "mentees": [{"id": "c1"}], "mentors": [{"id": "r1", "capacity": 1}],
             "version": 1, "format": "upward-matching-instance", "note": {"ignored": [1, 2]}}
            """;

        var (exit, output, _) = Run(json, "match");

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("\"matched\":1,\"total_weight\":40", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Escaped_and_accented_ids_name_the_same_people()
    {
        var json = """
            {"format": "upward-matching-instance", "version": 1,
             "mentors": [{"id": "Zo\u00eb", "capacity": 1}, {"id": "r\"2", "capacity": 1}],
             "mentees": [{"id": "Siân"}, {"id": "c/2"}],
             "pairs": [{"mentor": "Zoë", "mentee": "Si\u00e2n", "weight": 10},
                       {"mentor": "r\u00222", "mentee": "c\/2", "weight": 20}]}
            """;

        var (exit, output, _) = Run(json, "match");

        Assert.Equal(CliApp.Ok, exit);
        Assert.Contains("""{"mentor":"Zoë","mentee":"Siân","weight":10}""", output, StringComparison.Ordinal);
        Assert.Contains("""{"mentor":"r\"2","mentee":"c/2","weight":20}""", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("optimal", null)]
    [InlineData("random", "17")]
    public void The_same_input_mode_and_seed_give_the_same_bytes(string mode, string? seed)
    {
        var path = Path.Combine(ReferenceData.Folder, "medium-200x100.json");
        string[] args = seed is null ? ["match", "--file", path, "--mode", mode] : ["match", "--file", path, "--mode", mode, "--seed", seed];

        var first = Run("", args);
        var second = Run("", args);
        var fromStandardInput = Run(File.ReadAllText(path), args[0..1].Concat(args[3..]).ToArray());

        Assert.Equal(CliApp.Ok, first.Exit);
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(first.Output, fromStandardInput.Output);
    }

    [Fact]
    public void Random_mode_without_a_seed_prints_one_that_reproduces_the_allocation()
    {
        var path = Path.Combine(ReferenceData.Folder, "medium-200x100.json");

        var (exit, output, _) = Run("", "match", "--file", path, "--mode", "random");
        using var document = JsonDocument.Parse(output);
        var seed = document.RootElement.GetProperty("seed").GetUInt64();
        var again = Run("", "match", "--file", path, "--mode", "random", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(CliApp.Ok, exit);
        Assert.Equal("random", document.RootElement.GetProperty("mode").GetString());
        Assert.Equal(output, again.Output);
    }

    [Fact]
    public void Timings_add_one_line_to_standard_error()
    {
        var (exit, output, error) = Run(Valid, "match", "--timings");

        Assert.Equal(CliApp.Ok, exit);
        Assert.NotEmpty(output);
        Assert.Matches(new Regex(@"^parse_ms=\d+\.\d solve_ms=\d+\.\d write_ms=\d+\.\d\n$"), error.ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--mode", "fair")]
    [InlineData("--seed", "-3")]
    [InlineData("--seed", "9007199254740992")]
    [InlineData("--file", "/no/such/instance.json")]
    public void Bad_options_exit_2_with_one_line(string option, string value)
    {
        var (exit, output, error) = Run(Valid, "match", option, value);

        Assert.Equal(CliApp.BadInput, exit);
        Assert.Equal("", output);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static (int Exit, string Output, string Error) Run(string input, params string[] args)
    {
        var run = CliRun.WithInput(input, args);
        return (run.ExitCode, run.Out, run.Error);
    }
}
