using Upward.Core.Bundles;
using Upward.Core.Evaluation;
using Upward.Core.Tests.Bundles;

namespace Upward.Core.Tests.Evaluation;

/// <summary>The report opens with the study's headline, in a sentence a board can quote, and labels comparisons with no intervention between them.</summary>
public sealed class HeadlineTests
{
    private static readonly EvaluationReport Report = EvaluationReport.Build(PilotBundle.Read());

    [Fact]
    public void The_primary_outcome_is_the_studys_and_its_sentence_carries_every_figure_the_paper_quotes()
    {
        var findings = Headline.Findings(Report);
        var primary = Assert.Single(findings, f => f.Outcome.Primary);
        Assert.Equal(new Outcome(BundleRole.Mentor, "confidence", BundleStage.BeforePhase1, BundleStage.AfterPhase2, true), primary.Outcome);
        Assert.StartsWith("Mentors’ confidence rose from a median of 23 (IQR ", primary.Sentence, StringComparison.Ordinal);
        Assert.Contains(") to 29 (IQR ", primary.Sentence, StringComparison.Ordinal);
        Assert.Contains("out of 35, from before phase 1 to after phase 2 (n = 5 who answered both times; p = 0.043 as SPSS reports it, exact p = 0.0625; effect size r = 0.90; change +6 (95% CI +3 to +9)).", primary.Sentence, StringComparison.Ordinal);
        Assert.Equal(findings[0], primary);
        Assert.Contains(findings, f => !f.Outcome.Primary && f.Outcome.Audience == BundleRole.Mentee && f.Outcome.Score == "awareness");
    }

    [Fact]
    public void The_summary_comes_before_who_took_part_and_the_stability_check_is_labelled_not_a_result()
    {
        var html = ReportHtml.Render(Report);
        int summary = html.IndexOf("<h2 id=\"summary\">Summary</h2>", StringComparison.Ordinal);
        int cohort = html.IndexOf("<h2>Who took part</h2>", StringComparison.Ordinal);
        Assert.True(summary >= 0 && summary < cohort);
        Assert.Contains("summary-chart-1", html, StringComparison.Ordinal);

        // Each comparison from after phase 1 to before phase 2 is labelled; no other comparison is.
        // (The pilot's mentors answered no questionnaire before phase 2, so theirs go straight from after phase 1 to after phase 2.)
        var spans = Report.Comparisons.Count(c => c.From == BundleStage.AfterPhase1 && c.To == BundleStage.BeforePhase2);
        Assert.Equal(spans, CountOf(html, "No intervention between these stages."));
        var lines = ComparisonTable.Sections(Report).Where(s => s.Lines.Any(l => l.StartsWith("No intervention between", StringComparison.Ordinal))).ToList();
        Assert.Equal(spans, lines.Count);
        Assert.All(lines, s => Assert.Contains("after phase 1 to before phase 2", s.Heading, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(BundleStage.BeforePhase1, BundleStage.AfterPhase1, true)]
    [InlineData(BundleStage.AfterPhase1, BundleStage.BeforePhase2, false)]
    [InlineData(BundleStage.BeforePhase2, BundleStage.AfterPhase2, true)]
    [InlineData(BundleStage.BeforePhase1, BundleStage.AfterPhase2, true)]
    [InlineData(BundleStage.Before, BundleStage.After, true)]
    public void Only_after_phase_1_to_before_phase_2_has_nothing_between(BundleStage from, BundleStage to, bool between) =>
        Assert.Equal(between, Interventions.Between(from, to));

    private static int CountOf(string text, string part)
    {
        int count = 0;
        for (int i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
