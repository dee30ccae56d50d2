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
    [InlineData(2, "before_again in a version 2 bundle")]
    [InlineData(1, "before_again in a version 1 bundle")]
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
            case "before_again in a version 2 bundle" or "before_again in a version 1 bundle":
                // Only the stage is out of its version: the design's own fields are taken away.
                tree.Remove("analysis_plan");
                tree.Remove("randomisation");
                foreach (var p in participants) p!.AsObject().Remove("arm");
                if (version == 1) foreach (var field in new[] { "themes", "codings", "quotes" }) tree.Remove(field);
                Assert.Contains(tree["instruments"]!.AsArray(), i => (string)i!["stage"]! == "before_again");
                break;
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
        var refused = Assert.Throws<BundleFormatException>(() => BundleReader.Read(tree.ToJsonString()));
        if (what.StartsWith("before_again", StringComparison.Ordinal))
        {
            Assert.Contains("\"before_again\" first appears in version 3", refused.Message);
        }
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

        // report.json carries the same comparison for a reader without the HTML: arms, then between them.
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "report.json")))!;
        var figures = inMemory.Waitlist!;
        var waitlist = json["waitlist"]!;
        Assert.Equal("awareness", (string)waitlist["outcome"]!["score"]!);
        Assert.Equal(["start_now", "start_later"], waitlist["arms"]!.AsArray().Select(a => (string)a!["arm"]!));
        Assert.Equal("before_again", (string)waitlist["arms"]![1]!["to"]!);
        Assert.Equal(figures.Now.Pairs, (int)waitlist["arms"]![0]!["n_pairs"]!);
        var between = waitlist["between_arms"]!;
        Assert.Equal(figures.Between!.A.N, (int)between["n_a"]!);
        Assert.Equal(figures.Between.Test!.UA, (double)between["test"]!["u_a"]!);
        Assert.Equal(figures.Between.Test.PExact!.Value, (double)between["test"]!["p_exact"]!);
        Assert.Equal(figures.Between.Shift!.Estimate, (double)between["hodges_lehmann"]!["estimate"]!);
        Assert.Null(json["stepped_wedge"]);
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

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(output, "report.json")))!;
        var wedge = json["stepped_wedge"]!;
        Assert.Equal(inMemory.SteppedWedge!.Steps.Count, wedge["steps"]!.AsArray().Count);
        Assert.Equal(inMemory.SteppedWedge.Steps.Select(s => s.Mentored), wedge["steps"]!.AsArray().Select(s => (bool)s!["mentored"]!));
        var between = inMemory.SteppedWedge.FirstPeriod.Between!;
        Assert.Equal(between.Test!.UA, (double)wedge["first_period"]!["between_arms"]!["test"]!["u_a"]!);
        Assert.Null(json["waitlist"]);
    }
}
