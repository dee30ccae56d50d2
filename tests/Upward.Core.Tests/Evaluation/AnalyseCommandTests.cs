using System.Text.Json;
using Upward.Cli;
using Upward.Core.Tests.Bundles;
using Upward.Core.Tests.Cli;

namespace Upward.Core.Tests.Evaluation;

/// <summary><c>upward analyse</c> run in-process: both files written, bad input exits 2 with one line.</summary>
public sealed class AnalyseCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("upward-analyse-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_valid_bundle_writes_the_json_and_html_reports()
    {
        string output = Path.Combine(_directory, "out");

        var run = CliRun.Of("analyse", PilotBundle.Path, "--out", output);

        Assert.Equal(CliApp.Ok, run.ExitCode);
        Assert.Equal("", run.Error);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        Assert.Equal(3, json.RootElement.GetProperty("anonymity_threshold").GetInt32());
        string html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("<table>", html);
        Assert.Contains("<caption>", html);
        Assert.Contains("scope=\"col\"", html);
        Assert.Contains("<svg", html);
        Assert.Contains("<title id=", html);
        Assert.Contains("<desc id=", html);
        Assert.Contains("23 (IQR 20–25)", html);
        Assert.Contains("29 (IQR 27–30.5)", html);
        Assert.Contains("median 21.5 (IQR 20–25) out of 35, n = 6", html);
        Assert.Contains("0.043", html);
        Assert.Contains("0.0625", html);
        Assert.Contains("3 of 6 mentors are willing to mentor every mentee", html);
    }

    [Fact]
    public void A_bundle_with_a_codebook_gets_table_1_in_both_reports()
    {
        string bundle = Path.Combine(_directory, "analysed.json");
        File.WriteAllBytes(bundle, Upward.Core.Bundles.BundleWriter.Write(PilotBundle.WithThemes()));
        string output = Path.Combine(_directory, "out");

        var run = CliRun.Of("analyse", bundle, "--out", output);

        Assert.Equal(CliApp.Ok, run.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "report.json")));
        var rows = json.RootElement.GetProperty("themes").GetProperty("rows").EnumerateArray().ToList();
        var perspective = rows.Single(r => r.GetProperty("theme").GetString() == "Perspective");
        Assert.Equal(3, perspective.GetProperty("participants").GetProperty("after_phase_2").GetInt32());
        Assert.Equal("different perspective", perspective.GetProperty("quote").GetString());
        Assert.Equal("MR-01", perspective.GetProperty("quoted_participant").GetString());
        string html = File.ReadAllText(Path.Combine(output, "report.html"));
        Assert.Contains("Table 1", html);
        Assert.Contains("“different perspective” (MR-01)", html);
    }

    [Fact]
    public void The_json_report_is_the_same_every_time()
    {
        Assert.Equal(CliApp.Ok, CliRun.Of("analyse", PilotBundle.Path, "--out", Path.Combine(_directory, "a")).ExitCode);
        Assert.Equal(CliApp.Ok, CliRun.Of("analyse", PilotBundle.Path, "--out", Path.Combine(_directory, "b")).ExitCode);

        Assert.Equal(File.ReadAllBytes(Path.Combine(_directory, "a", "report.json")), File.ReadAllBytes(Path.Combine(_directory, "b", "report.json")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_directory, "a", "report.html")), File.ReadAllBytes(Path.Combine(_directory, "b", "report.html")));
    }

    [Fact]
    public void An_invalid_bundle_exits_two_with_one_line()
    {
        string bad = Path.Combine(_directory, "bad.json");
        File.WriteAllText(bad, PilotBundle.Text().Replace("\"MR-06\",\n      \"role\"", "\"MR-05\",\n      \"role\"", StringComparison.Ordinal));

        CliRun.Of("analyse", bad, "--out", Path.Combine(_directory, "out")).AssertBadInput("appears twice");
        Assert.False(Directory.Exists(Path.Combine(_directory, "out")));
    }

    [Fact]
    public void A_missing_file_exits_two_with_one_line() =>
        CliRun.Of("analyse", Path.Combine(_directory, "absent.json"), "--out", _directory).AssertBadInput("cannot read");

    [Fact]
    public void A_missing_out_option_exits_two() =>
        CliRun.Of("analyse", PilotBundle.Path).AssertBadInput("--out");

    [Fact]
    public void No_output_carries_anything_but_participant_codes()
    {
        string output = Path.Combine(_directory, "out");
        Assert.Equal(CliApp.Ok, CliRun.Of("analyse", PilotBundle.Path, "--out", output).ExitCode);

        // The bundle holds no names by construction; the report must not even carry the codes.
        foreach (var file in new[] { "report.json", "report.html" })
        {
            string text = File.ReadAllText(Path.Combine(output, file));
            Assert.DoesNotContain("MR-0", text);
            Assert.DoesNotContain("ME-0", text);
            Assert.DoesNotContain("\"email\"", text);
            Assert.DoesNotContain("\"name\": \"MR", text);
        }
    }
}
