using System.Text.Json.Nodes;
using Upward.Cli;
using Upward.Core.Bundles;
using Upward.Core.Designs;
using Upward.Core.Evaluation;
using Upward.Core.Tests.Cli;
using Upward.Core.Tests.Evaluation;

namespace Upward.Core.Tests.Bundles;

/// <summary>
/// Version 3 carries the programme's own analysis plan and a waitlist's randomisation (seed and arms),
/// so <c>upward analyse</c> gives the designed headline; older versions still read and may not carry them.
/// </summary>
public sealed class DesignedBundleTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("upward-designed-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static readonly AnalysisPlan Plan = new(AnalysisPlan.WaitlistControl, 0.05,
        [new Outcome(BundleRole.Mentee, "awareness", BundleStage.Before, BundleStage.After, true)]);

    internal static ResearchBundle Designed()
    {
        var bundle = WaitlistReportTests.Bundle(k: 3);
        return bundle with
        {
            Plan = Plan,
            RandomisationSeed = 20261206,
            Participants = [.. bundle.Participants.Select(p => p with { Arm = p.Code.StartsWith('N') ? Arm.StartNow : Arm.StartLater })],
        };
    }

    [Fact]
    public void The_plan_seed_and_arms_survive_writing_and_reading()
    {
        var written = BundleWriter.Write(Designed());
        var read = BundleReader.Read(System.Text.Encoding.UTF8.GetString(written));
        Assert.Equal(Plan.Sha256(), read.Plan!.Sha256());
        Assert.Equal(20261206, read.RandomisationSeed);
        Assert.Equal(Arm.StartLater, read.Arms["L3"]);
        Assert.Equal(10, read.Arms.Count);
        Assert.Equal(written, BundleWriter.Write(read));
    }

    [Theory]
    [InlineData(2, "analysis_plan")]
    [InlineData(3, "arm for a mentor")]
    [InlineData(3, "arms without a randomisation")]
    [InlineData(3, "a plan with a mentors' primary outcome in a waitlist")]
    public void Older_versions_may_not_carry_a_design_and_a_broken_one_is_refused(int version, string what)
    {
        var tree = JsonNode.Parse(BundleWriter.Write(Designed()))!.AsObject();
        tree["version"] = version;
        var participants = tree["participants"]!.AsArray();
        switch (what)
        {
            case "arm for a mentor":
                participants.Add(new JsonObject { ["code"] = "M1", ["role"] = "mentor", ["arm"] = "start_now", ["demographics"] = new JsonObject() });
                break;
            case "arms without a randomisation":
                tree.Remove("randomisation");
                break;
            case "a plan with a mentors' primary outcome in a waitlist":
                tree["analysis_plan"]!["outcomes"]![0]!["audience"] = "mentor";
                break;
        }
        Assert.Throws<BundleFormatException>(() => BundleReader.Read(tree.ToJsonString()));
    }

    [Fact]
    public void Analyse_reproduces_the_designed_headline_from_a_version_3_bundle()
    {
        string path = Path.Combine(_directory, "waitlist.json");
        File.WriteAllBytes(path, BundleWriter.Write(Designed()));
        string output = Path.Combine(_directory, "out");

        var run = CliRun.Of("analyse", path, "--out", output);

        Assert.Equal(CliApp.Ok, run.ExitCode);
        string html = File.ReadAllText(Path.Combine(output, "report.html"));
        var inMemory = EvaluationReport.Build(WaitlistReportTests.Bundle(k: 3), Plan, Designed().Arms);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(Headline.Findings(inMemory)[0].Sentence), html);
        Assert.Contains("compared between the arms (waitlist control): those who started now changed by a median of 3", html);
    }

    [Fact]
    public void Analyse_reproduces_a_stepped_wedges_first_period_headline_and_each_steps_results()
    {
        string path = Path.Combine(_directory, "wedge.json");
        var bundle = SteppedWedgeReportTests.Bundle(k: 2);
        File.WriteAllBytes(path, BundleWriter.Write(bundle));
        string output = Path.Combine(_directory, "wedge-out");

        var run = CliRun.Of("analyse", path, "--out", output);

        Assert.Equal(CliApp.Ok, run.ExitCode);
        string html = File.ReadAllText(Path.Combine(output, "report.html"));
        var inMemory = EvaluationReport.Build(bundle, bundle.Plan!, bundle.Arms, bundle.StepsByCode);
        var findings = Headline.Findings(inMemory);
        var sentence = findings[0].Sentence;
        Assert.Contains(System.Net.WebUtility.HtmlEncode(sentence[..sentence.IndexOf("Only the first", StringComparison.Ordinal)]), html);
        Assert.Contains("(stepped wedge, first period only): step 1, mentored, changed by a median of 3", html);
        Assert.Contains("Within each step:", html);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(findings[0].WithinArms[^1]), html);
    }
}
