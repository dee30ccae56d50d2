using Upward.Core.Bundles;
using Upward.Core.Evaluation;
using Upward.Core.Tests.Bundles;

namespace Upward.Core.Tests.Evaluation;

/// <summary>The published pilot's figures (Raju et al., BMJ Open 2022) come out of the report built from a bundle consistent with it.</summary>
public sealed class PilotReportTests
{
    private static readonly EvaluationReport Report = EvaluationReport.Build(PilotBundle.Read());

    private static ItemFigures Item(string instrument, string item) =>
        Report.Questionnaires.Single(q => q.Key == instrument).Items.Single(i => i.Key == item);

    private static ScoreComparison Comparison(BundleRole audience, string score, BundleStage from, BundleStage to) =>
        Report.Comparisons.Single(c => c.Audience == audience && c.Score == score && c.From == from && c.To == to);

    [Fact]
    public void Mentors_before_phase_one_match_the_paper()
    {
        // "understanding (median 2, IQR 2.0–3.0) … important (30.5, 27.0–32.0) … confidence (21.5, 20.0–25.0) … able (23, 19.0–24.0)"
        AssertMedianIqr(Item("mentor-before-phase-1", "understanding").Summary!, 6, 2, 2, 3);
        AssertMedianIqr(Item("mentor-before-phase-1", "importance").Summary!, 6, 30.5, 27, 32);
        AssertMedianIqr(Item("mentor-before-phase-1", "confidence").Summary!, 6, 21.5, 20, 25);
        AssertMedianIqr(Item("mentor-before-phase-1", "ability").Summary!, 6, 23, 19, 24);
        Assert.Equal("4 out of 6 (66.7%)", Item("mentor-before-phase-1", "concerns").Yes.ToString());
    }

    [Fact]
    public void Mentor_confidence_rose_as_published()
    {
        // "23.0 vs 29.0 out of 35, p = 0.043": the five who stayed, all rising by different amounts.
        var total = Comparison(BundleRole.Mentor, "confidence", BundleStage.BeforePhase1, BundleStage.AfterPhase2).Total;

        Assert.Equal(5, total.Pairs);
        Assert.Equal(23, total.Comparison!.Pre.Median);
        Assert.Equal(29, total.Comparison.Post.Median);
        Assert.Equal(0.043, total.Comparison.Test!.PAsymptotic!.Value, 3);
        Assert.Equal(0.0625, total.Comparison.Test.PExact!.Value, 12);
        Assert.Equal(5, total.Comparison.Increased);
    }

    [Fact]
    public void Mentor_confidence_change_has_its_hodges_lehmann_estimate_and_interval()
    {
        // Five pairs: qsignrank(0.025, 5) = 0, raised to 1, so the interval runs from the smallest
        // change to the largest (3 and 9) and achieves 1 − 2/32 = 93.75%.
        var total = Comparison(BundleRole.Mentor, "confidence", BundleStage.BeforePhase1, BundleStage.AfterPhase2).Total;

        var change = total.Comparison!.HodgesLehmann!;

        Assert.Equal(6, change.Estimate);
        Assert.Equal(3, change.Lower);
        Assert.Equal(9, change.Upper);
        Assert.Equal(0.9375, change.AchievedConfLevel);
        Assert.Equal("+6 (95% CI +3 to +9)", ReportText.Change(change));
    }

    [Fact]
    public void Every_export_row_carries_the_hodges_lehmann_columns_and_keeps_the_existing_ones()
    {
        var columns = ComparisonTable.Columns;
        Assert.Equal("p_spss", columns[12]);
        Assert.Equal("p_exact", columns[13]);
        Assert.Equal("r", columns[14]);
        Assert.Equal(["hl_estimate", "hl_lower", "hl_upper", "hl_achieved_conf_level"], columns.Skip(15));
        var row = ComparisonTable.Rows(Report).Single(r => r[0] == "mentor" && r[1] == "confidence" && r[2] == "before_phase_1" && r[3] == "after_phase_2" && r[4] == "Total");
        Assert.Equal(["6", "3", "9", "0.9375"], row.Skip(15));
        Assert.All(ComparisonTable.Rows(Report), r => Assert.Equal(columns.Count, r.Count));

        var lines = ComparisonTable.Sections(Report).SelectMany(section => section.Lines).ToList();
        Assert.Contains(lines, line => line.StartsWith("Total (n = 5 pairs)", StringComparison.Ordinal) && line.Contains("p = 0.043 (SPSS), exact p = 0.0625, r = 0.90, change +6 (95% CI +3 to +9)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Clinical practice", 3, 4)]
    [InlineData("Areas for improvement", 3, 5)]
    public void The_two_domains_the_paper_singles_out_rose_with_p_of_0041(string domain, double before, double after)
    {
        var row = Comparison(BundleRole.Mentor, "confidence", BundleStage.BeforePhase1, BundleStage.AfterPhase2).Rows.Single(r => r.Label == domain);

        Assert.Equal(before, row.Comparison!.Pre.Median);
        Assert.Equal(after, row.Comparison.Post.Median);
        Assert.Equal(0.041, row.Comparison.Test!.PAsymptotic!.Value, 3);
    }

    [Fact]
    public void Understanding_rose_from_two_to_four()
    {
        var row = Comparison(BundleRole.Mentor, "understanding", BundleStage.BeforePhase1, BundleStage.AfterPhase2).Total;

        Assert.Equal(2, row.Comparison!.Pre.Median);
        Assert.Equal(4, row.Comparison.Post.Median);
        Assert.True(row.Comparison.Test!.PAsymptotic > 0.05, "not significant, as published");
    }

    [Fact]
    public void The_withdrawn_mentor_counts_before_but_is_left_out_of_pairs_after()
    {
        Assert.Equal(6, Comparison(BundleRole.Mentor, "confidence", BundleStage.BeforePhase1, BundleStage.AfterPhase1).Total.Pairs);
        Assert.Equal(5, Comparison(BundleRole.Mentor, "confidence", BundleStage.AfterPhase1, BundleStage.AfterPhase2).Total.Pairs);
        Assert.Equal(1, Report.Cohort.Single(c => c.Role == BundleRole.Mentor).Withdrawn);
    }

    [Fact]
    public void Mentee_awareness_rose_in_every_domain_without_reaching_significance()
    {
        var awareness = Comparison(BundleRole.Mentee, "awareness", BundleStage.BeforePhase2, BundleStage.AfterPhase2);

        Assert.All(awareness.Rows, r => Assert.True(r.Comparison!.Post.Median > r.Comparison.Pre.Median, r.Label));
        Assert.Equal(0.07, awareness.Total.Comparison!.Test!.PAsymptotic!.Value, 2);
    }

    [Fact]
    public void Mentees_yes_no_and_choices_match_the_paper()
    {
        Assert.Equal("2 out of 5 (40.0%)", Item("mentee-before-phase-2", "concerns").Yes.ToString());
        Assert.Equal("2 out of 5 (40.0%)", Item("mentee-after-phase-2", "appraisal").Yes.ToString());
        Assert.Equal("5 out of 5 (100.0%)", Item("mentee-after-phase-2", "useful").Yes.ToString());
        var concerns = Item("mentee-after-phase-2", "concerns_compared").Choices!;
        Assert.Equal([1, 4, 0, 0], concerns.Select(c => c.Count));
        foreach (var instrument in new[] { "mentee-after-phase-2", "mentor-after-phase-2" })
        {
            var experience = Item(instrument, "experience").Choices!;
            Assert.Equal(5, experience.Where(c => c.Choice is "Good" or "Excellent").Sum(c => c.Count));
        }
    }

    [Fact]
    public void Session_durations_match_the_paper()
    {
        // "45 min (IQR: 30–50 min) however one group took 180 min". With five sessions and one of 180,
        // SPSS's weighted-average (type 6) Q3 is (x₄ + 180)/2 ≥ 112.5, so 30–50 can only be Tukey's
        // hinges, which SPSS Explore prints beside it. The report gives both.
        var minutes = Report.Sessions.Minutes!;

        Assert.Equal(5, minutes.N);
        Assert.Equal(45, minutes.Median);
        Assert.Equal((30, 50), (minutes.HingeLower, minutes.HingeUpper));
        Assert.Equal((25, 180), (minutes.Min, minutes.Max));
        Assert.Equal(5, Report.Sessions.TimeFelt.Single(f => f.Felt == TimeFelt.AboutRight).Count);
        Assert.Equal(5, Report.Sessions.TimeFeltN);
    }

    [Fact]
    public void Cohort_matches_the_paper_where_small_cells_allow()
    {
        var mentors = Report.Cohort.Single(c => c.Role == BundleRole.Mentor);
        var mentees = Report.Cohort.Single(c => c.Role == BundleRole.Mentee);

        Assert.Equal((6, 5), (mentors.Participants, mentees.Participants));
        Assert.Equal("31 to 40 years", mentors.AgeRange);
        Assert.Equal("3 out of 6 (50.0%)", mentors.PriorMentoring.ToString());
        // 4 of 5 mentees had mentored before, so "No" is a group of 1 under k = 3: not shown.
        Assert.Null(mentees.PriorMentoring);
        // Each end of the mentees' range is a single person, so the range is not shown either.
        Assert.Null(mentees.AgeRange);
    }

    [Fact]
    public void The_willingness_summary_matches_the_paper()
    {
        Assert.Equal("3 of 6 mentors are willing to mentor every mentee", Report.Willingness!.Headline);
        Assert.Contains("2 of 6 mentors are willing to mentor 3 of 5 mentees", Report.Willingness.BandLines);
        Assert.Contains("1 of 6 mentors is willing to mentor 4 of 5 mentees", Report.Willingness.BandLines);
    }

    private static void AssertMedianIqr(Upward.Core.Statistics.Summary summary, int n, double median, double q1, double q3)
    {
        Assert.Equal(n, summary.N);
        Assert.Equal(median, summary.Median);
        Assert.Equal(q1, summary.Q1);
        Assert.Equal(q3, summary.Q3);
    }
}
