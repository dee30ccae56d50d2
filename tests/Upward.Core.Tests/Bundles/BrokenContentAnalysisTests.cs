using System.Text.Json.Nodes;
using Upward.Core.Bundles;
using Upward.Core.Evaluation;
using Upward.Core.Tests.Bundles;
using Upward.Core.Tests.Cli;

namespace Upward.Core.Tests.Bundles;

/// <summary>
/// Hostile or careless version 2 bundles: every one is refused as a <see cref="BundleFormatException"/>
/// naming a path (so <c>upward analyse</c> prints one line and exits 2), never an unhandled exception.
/// </summary>
public sealed class BrokenContentAnalysisTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("upward-review-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    public static TheoryData<string, string, string> Broken() => new()
    {
        // The loop check once walked into a grandparent before it had been checked, and threw KeyNotFoundException.
        { "grandparent unknown", "$.themes[2].parent", "unknown theme" },
        // start + length once overflowed int, passed the bounds check and reached the report.
        { "passage start near int.MaxValue", "$.codings[0].passage_start", "within the answer" },
        { "negative passage start", "$.codings[0].passage_start", "within the answer" },
        { "zero passage length", "$.codings[0].passage_start", "within the answer" },
        { "passage start beyond int", "$.codings[0].passage_start", "whole number" },
        { "passage start a string", "$.codings[0].passage_start", "whole number" },
        { "passage start a fraction", "$.codings[0].passage_start", "whole number" },
        { "theme name a number", "$.themes[0].name", "expected a string" },
        { "theme name empty", "$.themes[0].name", "must not be empty" },
        { "themes an object", "$.themes", "expected an array" },
        { "coding a string", "$.codings[0]", "expected an object" },
        { "quote theme unknown", "$.quotes[0].theme", "unknown theme" },
        { "quote of unknown participant", "$.quotes[0]", "no answer with text" },
        { "self parent", "$.themes[0].parent", "under itself" },
        { "may_be_quoted a string", "$.participants[0].may_be_quoted", "true or false" },
    };

    [Theory]
    [MemberData(nameof(Broken))]
    public void Every_broken_content_analysis_is_refused_naming_the_path(string broken, string path, string words)
    {
        var tree = Break(broken);
        var error = Assert.Throws<BundleFormatException>(() => BundleReader.Read(tree.ToJsonString()));
        Assert.Equal(path, error.Path);
        Assert.Contains(words, error.Message);
    }

    [Theory]
    [MemberData(nameof(Broken))]
    public void Upward_analyse_refuses_each_with_one_line_and_exit_2(string broken, string path, string words)
    {
        string file = Path.Combine(_directory, "broken.json");
        File.WriteAllText(file, Break(broken).ToJsonString());
        CliRun.Of("analyse", file, "--out", Path.Combine(_directory, "out")).AssertBadInput(path);
        Assert.False(Directory.Exists(Path.Combine(_directory, "out")), words);
    }

    [Fact]
    public void Deeply_nested_json_is_refused_as_not_valid_json()
    {
        var tree = PilotBundle.TreeWithThemes();
        tree["themes"]!.AsArray()[0]!["definition"] = "x";
        var text = tree.ToJsonString().Replace("\"definition\":\"x\"", "\"definition\":" + new string('[', 5000) + new string(']', 5000), StringComparison.Ordinal);
        var error = Assert.Throws<BundleFormatException>(() => BundleReader.Read(text));
        Assert.Contains("not valid JSON", error.Message);
    }

    [Fact]
    public void A_50_MB_file_of_padding_is_refused_with_one_line()
    {
        string file = Path.Combine(_directory, "huge.json");
        var tree = PilotBundle.TreeWithThemes();
        tree["themes"]!.AsArray()[0]!["definition"] = new string('a', 50 * 1024 * 1024);
        tree["themes"]!.AsArray()[0]!["colour"] = "red";
        File.WriteAllText(file, tree.ToJsonString());
        CliRun.Of("analyse", file, "--out", Path.Combine(_directory, "out")).AssertBadInput("unknown field");
    }

    private static JsonObject Break(string broken)
    {
        var tree = PilotBundle.TreeWithThemes();
        var themes = tree["themes"]!.AsArray();      // Anonymity (parent Safety), Perspective, Safety
        var codings = tree["codings"]!.AsArray();
        var quotes = tree["quotes"]!.AsArray();
        switch (broken)
        {
            case "grandparent unknown": themes[2]!["parent"] = "Nonsense"; break;
            case "passage start near int.MaxValue": codings[0]!["passage_start"] = int.MaxValue; codings[0]!["passage_length"] = 1; break;
            case "negative passage start": codings[0]!["passage_start"] = -1; codings[0]!["passage_length"] = 2; break;
            case "zero passage length": codings[0]!["passage_start"] = 0; codings[0]!["passage_length"] = 0; break;
            case "passage start beyond int": codings[0]!["passage_start"] = 99999999999L; codings[0]!["passage_length"] = 1; break;
            case "passage start a string": codings[0]!["passage_start"] = "2"; codings[0]!["passage_length"] = 1; break;
            case "passage start a fraction": codings[0]!["passage_start"] = 2.5; codings[0]!["passage_length"] = 1; break;
            case "theme name a number": themes[0]!["name"] = 7; break;
            case "theme name empty": themes[0]!["name"] = ""; break;
            case "themes an object": tree["themes"] = new JsonObject(); break;
            case "coding a string": codings[0] = "Anonymity"; break;
            case "quote theme unknown": quotes[0]!["theme"] = "Nonsense"; break;
            case "quote of unknown participant": quotes[0]!["participant"] = "XX-99"; break;
            case "self parent": themes[0]!["parent"] = "Anonymity"; break;
            case "may_be_quoted a string": tree["participants"]!.AsArray()[0]!["may_be_quoted"] = "yes"; break;
            default: throw new ArgumentOutOfRangeException(nameof(broken));
        }
        return tree;
    }
}
