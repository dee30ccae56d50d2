using Upward.Core.Bundles;
using Upward.Core.Designs;
using Upward.Core.Evaluation;
using Upward.Core.Evaluation.Checklists;
using Upward.Core.Statistics;

namespace Upward.Core.Tests.Evaluation;

/// <summary>
/// A stepped wedge's report leads with the first period's contrast — step 1 mentored against the later
/// steps waiting — each step's own results beside it, and says plainly that only that period is used.
/// </summary>
public sealed class SteppedWedgeReportTests
{
    // Step 1, before → after: +2, +3, +3, +4. Step 2, before → before again: −1, 0, 0, then to after +2, +2, +1.
    // Step 3, before → before again: +1, +1, then to after +2, +2.
    private static readonly (string Code, int Step, double Before, double? Again, double After)[] People =
    [
        ("A1", 1, 1, null, 3), ("A2", 1, 1, null, 4), ("A3", 1, 2, null, 5), ("A4", 1, 1, null, 5),
        ("B1", 2, 3, 2, 4), ("B2", 2, 2, 2, 4), ("B3", 2, 4, 4, 5),
        ("C1", 3, 1, 2, 4), ("C2", 3, 2, 3, 5),
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
            if (p.Again is { } again) answers.Add(new BundleAnswer(p.Code, "mentee-before-again", 1, "awareness", null, again, null));
            answers.Add(new BundleAnswer(p.Code, "mentee-after", 1, "awareness", null, p.After, null));
        }
        return new ResearchBundle(
            new BundleProgramme("Wedge", "digital_skills", k, "Europe/London", null, 4, []),
            [Instrument("mentee-before", BundleStage.Before), Instrument("mentee-after", BundleStage.After), Instrument("mentee-before-again", BundleStage.BeforeAgain)],
            [.. People.Select(p => new BundleParticipant(p.Code, BundleRole.Mentee, null, BundleDemographics.None) { Step = p.Step })],
            answers, [], [], [])
        {
            RandomisationSeed = 7,
            RandomisedUnit = RandomisedUnit.Department,
            Steps = [new(1, new DateOnly(2027, 1, 11)), new(2, new DateOnly(2027, 2, 8)), new(3, new DateOnly(2027, 3, 8))],
            Plan = Plan,
        };
    }

    private static AnalysisPlan Plan => new(AnalysisPlan.SteppedWedge, 0.05, [Primary]);
    private static Dictionary<string, int> Steps => People.ToDictionary(p => p.Code, p => p.Step);

    [Fact]
    public void The_headline_compares_step_1_mentored_with_the_later_steps_waiting_in_the_first_period()
    {
        var report = EvaluationReport.Build(Bundle(k: 2), Plan, new Dictionary<string, Arm>(), Steps);
        var wedge = Assert.IsType<SteppedWedgeFigures>(report.SteppedWedge);
        var between = Assert.IsType<TwoSampleComparison>(wedge.FirstPeriod.Between);
        Assert.Equal(4, wedge.FirstPeriod.Now.Pairs);
        Assert.Equal(5, wedge.FirstPeriod.Later.Pairs);
        Assert.Equal(3, between.A.Median);
        Assert.Equal(0, between.B.Median);
        // Every mentored change exceeds every waiting one: U = 20 of 20. Of the C(9, 4) = 126 equally likely
        // assignments of the pooled mid-ranks, only this one is as far from the mean rank sum (20) as the
        // observed 30: the opposite extreme, the four lowest values, sums to 10.5 because the two 1s tie.
        Assert.Equal(20, between.Test!.UA);
        Assert.Equal(1.0 / 126, between.Test.PExact!.Value, 1e-12);
        double[] differences = [.. from a in new double[] { 2, 3, 3, 4 } from b in new double[] { -1, 0, 0, 1, 1 } select a - b];
        Array.Sort(differences);
        Assert.Equal((differences[9] + differences[10]) / 2, between.Shift!.Estimate);

        // Each step's own results: step 1 mentored; steps 2 and 3 waiting, then mentored.
        Assert.Equal([(1, true, 4), (2, false, 3), (2, true, 3), (3, false, 2), (3, true, 2)], wedge.Steps.Select(s => (s.Step, s.Mentored, s.Pairs)));
        Assert.Equal(BundleStage.BeforeAgain, wedge.Steps[2].From);
        Assert.Equal(1.75, wedge.Steps[2].Paired!.HodgesLehmann!.Estimate, 1e-12);

        var primary = Headline.Findings(report)[0];
        Assert.StartsWith("Mentees’ awareness, change during the first period compared between step 1 and the later steps (stepped wedge, first period only): step 1, mentored, changed by a median of 3 (IQR ", primary.Sentence, StringComparison.Ordinal);
        Assert.Contains("exact p = 0.0079", primary.Sentence, StringComparison.Ordinal);
        Assert.Contains("Only the first period's contrast is used", primary.Sentence, StringComparison.Ordinal);
        Assert.Equal(5, primary.WithinArms.Count);
        Assert.StartsWith("Step 1, mentored (before to after): median 1 (IQR", primary.WithinArms[0], StringComparison.Ordinal);
        Assert.StartsWith("Step 2, while waiting (before to before again): median 3 (IQR", primary.WithinArms[1], StringComparison.Ordinal);
        Assert.StartsWith("Step 2, mentored (before again to after): ", primary.WithinArms[2], StringComparison.Ordinal);

        Assert.Contains("Within each step:", ReportHtml.Render(report), StringComparison.Ordinal);
        var methods = Upward.Core.Evaluation.BoardReport.MethodsText.Paragraphs(report, null);
        Assert.StartsWith("A stepped wedge by department", methods[0].Text, StringComparison.Ordinal);
        Assert.Contains("first period's contrast only", methods.Single(m => m.Heading == "Tests").Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_group_under_k_suppresses_the_comparison_and_a_step_under_k_its_own_lines()
    {
        var report = EvaluationReport.Build(Bundle(k: 5), Plan, new Dictionary<string, Arm>(), Steps);
        Assert.Null(report.SteppedWedge!.FirstPeriod.Between);
        var primary = Headline.Findings(report)[0];
        Assert.Contains("not shown, because fewer than 5 people in a group answered both times (step 1 n = 4, later steps n = 5)", primary.Sentence, StringComparison.Ordinal);
        Assert.All(primary.WithinArms, line => Assert.Contains("not shown", line, StringComparison.Ordinal));

        var some = EvaluationReport.Build(Bundle(k: 3), Plan, new Dictionary<string, Arm>(), Steps);
        Assert.NotNull(some.SteppedWedge!.FirstPeriod.Between);
        Assert.Null(some.SteppedWedge.Steps.Single(s => s.Step == 3 && !s.Mentored).Paired);
    }

    [Fact]
    public void The_bundle_carries_the_unit_the_steps_and_their_dates_and_reads_back_to_the_same_headline()
    {
        var bundle = Bundle(k: 2);
        var text = BundleWriter.WriteString(bundle);
        Assert.Contains("\"randomisation\":{\"seed\":7,\"unit\":\"department\",\"steps\":[{\"step\":1,\"starts_on\":\"2027-01-11\"},{\"step\":2,\"starts_on\":\"2027-02-08\"},{\"step\":3,\"starts_on\":\"2027-03-08\"}]}", text.Replace(" ", "").Replace("\n", ""), StringComparison.Ordinal);
        var read = BundleReader.Read(text);
        Assert.Equal(RandomisedUnit.Department, read.RandomisedUnit);
        Assert.Equal(bundle.Steps, read.Steps);
        Assert.Equal(Steps, read.StepsByCode);
        Assert.Equal(text, BundleWriter.WriteString(read));
        // What `upward analyse` does with a bundle: its plan and its steps give the same headline.
        var offline = EvaluationReport.Build(read, read.Plan!, read.Arms, read.StepsByCode);
        var online = EvaluationReport.Build(bundle, Plan, new Dictionary<string, Arm>(), Steps);
        Assert.Equal(Headline.Findings(online).Select(f => (f.Sentence, string.Join("|", f.WithinArms))), Headline.Findings(offline).Select(f => (f.Sentence, string.Join("|", f.WithinArms))));
    }

    [Theory]
    [InlineData("\"step\":2,", "\"step\":9,", "which the randomisation's steps do not list")]
    [InlineData("\"unit\":\"department\"", "\"unit\":\"ward\"", "expected one of \"mentee\", \"department\"")]
    [InlineData("\"starts_on\":\"2027-02-08\"", "\"starts_on\":\"8/2/2027\"", "expected a date as yyyy-mm-dd")]
    public void A_bundle_with_a_wrong_step_unit_or_date_is_refused(string from, string to, string expected)
    {
        var text = BundleWriter.WriteString(Bundle(k: 2));
        var compact = System.Text.Json.Nodes.JsonNode.Parse(text)!.ToJsonString();
        Assert.Contains(from, compact, StringComparison.Ordinal);
        var error = Assert.Throws<BundleFormatException>(() => BundleReader.Read(ReplaceFirst(compact, from, to)));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string from, string to)
    {
        int i = text.IndexOf(from, StringComparison.Ordinal);
        return text[..i] + to + text[(i + from.Length)..];
    }

    [Fact]
    public void A_stepped_wedge_plan_needs_a_mentees_primary_outcome_and_hashes_its_first_period_test()
    {
        var mentors = new Outcome(BundleRole.Mentor, "confidence", BundleStage.Before, BundleStage.After, true);
        Assert.Contains("stepped wedge", AnalysisPlan.Check(AnalysisPlan.SteppedWedge, [mentors], 0.05), StringComparison.Ordinal);
        Assert.Null(AnalysisPlan.Check(AnalysisPlan.SteppedWedge, [Primary], 0.05));
        Assert.Contains("mann_whitney_first_period_change_step_1_against_later_steps_two_sided", Plan.CanonicalJson(), StringComparison.Ordinal);
        Assert.Equal(AnalysisPlan.SteppedWedge, AnalysisPlan.Parse(Plan.CanonicalJson())!.Design);
    }

    [Fact]
    public void The_squire_checklist_says_only_the_first_period_is_analysed()
    {
        var report = EvaluationReport.Build(Bundle(k: 2), Plan, new Dictionary<string, Arm>(), Steps);
        var facts = ChecklistFactsFor(AnalysisPlan.SteppedWedge);
        var all = string.Join("\n", SquireChecklist.Draft(report, null, facts).Items.Select(i => i.Draft));
        Assert.Contains("uses the first period's contrast only", all, StringComparison.Ordinal);
        Assert.Contains("a mixed model with period and department effects) is not done", all, StringComparison.Ordinal);
    }

    private static ChecklistFacts ChecklistFactsFor(string design) =>
        new("Example NHS Trust", Upward.Core.Programmes.ProgrammeType.DigitalSkills, "11 January 2027", null, design, 0.05, 0, []);
}
