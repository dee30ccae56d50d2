using Upward.Core.Bundles;
using Upward.Core.Designs;
using Upward.Core.Evaluation;
using Upward.Core.Statistics;

namespace Upward.Core.Tests.Evaluation;

/// <summary>A waitlist control's report leads with the two arms' change compared, each arm's own result beside it.</summary>
public sealed class WaitlistReportTests
{
    // Start now: before → after changes of +2, +3, +3, +4, +2. Start later: before → before again of −1, 0, 0, +1, +1.
    private static readonly (string Code, Arm Arm, double Before, double Second)[] People =
    [
        ("N1", Arm.StartNow, 1, 3), ("N2", Arm.StartNow, 1, 4), ("N3", Arm.StartNow, 2, 5), ("N4", Arm.StartNow, 1, 5), ("N5", Arm.StartNow, 2, 4),
        ("L1", Arm.StartLater, 3, 2), ("L2", Arm.StartLater, 2, 2), ("L3", Arm.StartLater, 4, 4), ("L4", Arm.StartLater, 1, 2), ("L5", Arm.StartLater, 2, 3),
    ];

    private static readonly Outcome Primary = new(BundleRole.Mentee, "awareness", BundleStage.Before, BundleStage.After, true);

    internal static ResearchBundle Bundle(int k)
    {
        BundleInstrument Instrument(string key, BundleStage stage) =>
            new(key, 1, BundleRole.Mentee, stage, [new BundleItem("awareness", BundleItemType.Scale, "How aware are you?", null, "awareness")]);
        var answers = new List<BundleAnswer>();
        foreach (var p in People)
        {
            answers.Add(new BundleAnswer(p.Code, "mentee-before", 1, "awareness", null, p.Before, null));
            answers.Add(new BundleAnswer(p.Code, p.Arm == Arm.StartNow ? "mentee-after" : "mentee-before-again", 1, "awareness", null, p.Second, null));
        }
        return new ResearchBundle(
            new BundleProgramme("Waitlist", "digital_skills", k, "Europe/London", null, 4, []),
            [Instrument("mentee-before", BundleStage.Before), Instrument("mentee-after", BundleStage.After), Instrument("mentee-before-again", BundleStage.BeforeAgain)],
            [.. People.Select(p => new BundleParticipant(p.Code, BundleRole.Mentee, null, BundleDemographics.None))],
            answers, [], [], []);
    }

    private static AnalysisPlan Plan => new(AnalysisPlan.WaitlistControl, 0.05, [Primary]);
    private static Dictionary<string, Arm> Arms => People.ToDictionary(p => p.Code, p => p.Arm);

    [Fact]
    public void The_headline_compares_change_between_arms_with_mann_whitney_and_the_hodges_lehmann_shift()
    {
        var report = EvaluationReport.Build(Bundle(k: 3), Plan, Arms);
        var w = Assert.IsType<WaitlistFigures>(report.Waitlist);
        var between = Assert.IsType<TwoSampleComparison>(w.Between);
        Assert.Equal(5, w.Now.Pairs);
        Assert.Equal(5, w.Later.Pairs);
        Assert.Equal(3, between.A.Median);
        Assert.Equal(0, between.B.Median);
        // Every change of the mentored arm exceeds every change of the waiting arm: U = 25 of 25, and the
        // exact p is the two most extreme of C(10, 5) = 252 equally likely rankings.
        Assert.Equal(25, between.Test!.UA);
        Assert.Equal(2.0 / 252, between.Test.PExact!.Value, 1e-12);
        // The Hodges–Lehmann shift is the median of the 25 differences (start now − start later).
        double[] differences = [.. from a in new double[] { 2, 3, 3, 4, 2 } from b in new double[] { -1, 0, 0, 1, 1 } select a - b];
        Array.Sort(differences);
        Assert.Equal(differences[12], between.Shift!.Estimate);

        var primary = Headline.Findings(report)[0];
        Assert.StartsWith("Mentees’ awareness, change from before to after compared between the arms (waitlist control): those who started now changed by a median of 3 (IQR ", primary.Sentence, StringComparison.Ordinal);
        Assert.Contains($"difference between arms +{differences[12]} (", primary.Sentence, StringComparison.Ordinal);
        Assert.Contains("exact p = 0.0079", primary.Sentence, StringComparison.Ordinal);
        Assert.Equal(2, primary.WithinArms.Count);
        Assert.StartsWith("Start now, mentored (before to after): median 1 (IQR", primary.WithinArms[0], StringComparison.Ordinal);
        Assert.StartsWith("Start later, while waiting (before to before again): median 2 (IQR", primary.WithinArms[1], StringComparison.Ordinal);
        Assert.Contains("Within each arm:", ReportHtml.Render(report), StringComparison.Ordinal);

        // The board report's methods say what was done.
        var methods = Upward.Core.Evaluation.BoardReport.MethodsText.Paragraphs(report, null);
        Assert.StartsWith("A waitlist control: the mentees were randomised", methods[0].Text, StringComparison.Ordinal);
        Assert.Contains("Mann–Whitney U test", methods.Single(m => m.Heading == "Tests").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_arm_under_k_suppresses_the_comparison_between_arms()
    {
        var report = EvaluationReport.Build(Bundle(k: 6), Plan, Arms);
        Assert.Null(report.Waitlist!.Between);
        Assert.Null(report.Waitlist.Now.Paired);
        var primary = Headline.Findings(report)[0];
        Assert.Contains("not shown, because fewer than 6 people in an arm answered both times (start now n = 5, start later n = 5)", primary.Sentence, StringComparison.Ordinal);
        Assert.DoesNotContain("median", primary.Sentence, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_group_plan_gives_the_report_it_always_gave()
    {
        var single = new AnalysisPlan(AnalysisPlan.SingleGroupBeforeAfter, 0.05, [Primary]);
        var report = EvaluationReport.Build(Bundle(k: 3), single, Arms);
        Assert.Null(report.Waitlist);
        var old = EvaluationReport.Build(Bundle(k: 3)) with { Outcomes = single.Outcomes };
        Assert.Equal(Headline.Findings(old).Select(f => f.Sentence), Headline.Findings(report).Select(f => f.Sentence));
        Assert.Equal(Upward.Core.Evaluation.BoardReport.MethodsText.Paragraphs(old, null), Upward.Core.Evaluation.BoardReport.MethodsText.Paragraphs(report, null));
    }

    [Fact]
    public void A_waitlist_plan_needs_a_mentees_primary_outcome_and_hashes_its_between_arms_test()
    {
        var mentors = new Outcome(BundleRole.Mentor, "confidence", BundleStage.Before, BundleStage.After, true);
        Assert.NotNull(AnalysisPlan.Check(AnalysisPlan.WaitlistControl, [mentors], 0.05));
        Assert.Null(AnalysisPlan.Check(AnalysisPlan.WaitlistControl, [Primary], 0.05));
        Assert.NotNull(AnalysisPlan.Check("crossover", [Primary], 0.05));
        Assert.Contains("mann_whitney_change_between_arms_two_sided", Plan.CanonicalJson(), StringComparison.Ordinal);
        Assert.Equal(Plan.CanonicalJson(), AnalysisPlan.Parse(Plan.CanonicalJson())!.CanonicalJson());
        Assert.Equal(AnalysisPlan.WaitlistControl, AnalysisPlan.Parse(Plan.CanonicalJson())!.Design);
    }
}
