using Upward.Core.Bundles;
using Upward.Core.Evaluation;
using Upward.Core.Evaluation.BoardReport;
using Upward.Core.Tests.Bundles;

namespace Upward.Core.Tests.Evaluation;

/// <summary>The board report says what the page says: the same summary first, the same suppression, Table 1, the methods with k.</summary>
public sealed class BoardReportComposerTests
{
    private static EvaluationReport Pilot(int k) => PilotReport.At(k);

    [Fact]
    public void It_opens_with_the_headline_sentences_and_the_primary_outcomes_chart()
    {
        var report = Pilot(3);
        var blocks = BoardReportComposer.Compose(report, report.Themes);

        Assert.Equal(new ReportHeading(1, "Summary"), blocks[0]);
        var sentences = Headline.Findings(report).Select(f => f.Sentence).ToList();
        var paragraphs = blocks.TakeWhile(b => b is not ReportHeading { Level: 1, Text: "Who took part" }).OfType<ReportParagraph>().Select(p => p.Text).ToList();
        Assert.Equal(sentences, paragraphs);
        var chart = Assert.Single(blocks.TakeWhile(b => b is not ReportHeading { Text: "Secondary outcomes" }).OfType<BeforeAfterFigure>());
        Assert.Equal(7, chart.Bars.Count);
        // The alternative text carries every figure the chart draws.
        Assert.All(chart.Bars, bar => Assert.Contains($"{bar.Label}: median {ReportText.MedianIqr(bar.Before)} before and {ReportText.MedianIqr(bar.After)} after", chart.AltText, StringComparison.Ordinal));
    }

    [Fact]
    public void Suppressed_figures_are_suppressed_as_on_the_page_and_the_methods_name_k()
    {
        var report = Pilot(6);
        var blocks = BoardReportComposer.Compose(report, report.Themes);

        var table = blocks.OfType<ReportTable>().First(t => t.Caption.StartsWith("Mentors’ confidence: before phase 1 to after phase 2", StringComparison.Ordinal));
        var total = table.Rows[^1];
        Assert.Equal(["Total", "5", "not shown: fewer than 6 pairs"], total.Select(c => c.Text));
        Assert.Equal(table.Columns.Count, total.Sum(c => c.Span));
        Assert.Contains(blocks.OfType<ReportTable>().Single(t => t.Caption == "Session length").Rows, r => r[1].Text == "not shown: fewer than 6 respondents");
        Assert.Contains(blocks.OfType<ReportParagraph>(), p => p.Text.Contains("no figure from fewer than 6 respondents or pairs is shown", StringComparison.Ordinal));
        Assert.DoesNotContain(blocks.OfType<DurationFigure>(), _ => true);
    }

    [Fact]
    public void Table_1_carries_every_theme_with_its_counts_by_stage_and_quote()
    {
        // As the page's Table 1 hands it over: a sub-theme, a theme with no quote (its author did not agree to be quoted).
        var themes = new ThemeFigures([BundleStage.BeforePhase1, BundleStage.AfterPhase2],
        [
            new ThemeRow("Hierarchical difference", "The power gradient", null, [2, 0], "It offered the consultant a different perspective.", "MR-01"),
            new ThemeRow("Risk to relationships", "Worry that feedback could harm", "Hierarchical difference", [1, 2], null, null),
        ]);
        var table = BoardReportComposer.Compose(Pilot(3), themes).OfType<ReportTable>().Single(t => t.Caption.StartsWith("Table 1", StringComparison.Ordinal));

        Assert.Equal(["Theme", "Definition", "Before phase 1", "After phase 2", "Representative quote"], table.Columns);
        Assert.Equal("Risk to relationships (part of Hierarchical difference)", table.Rows[1][0].Text);
        foreach (var (row, cells) in themes.Rows.Zip(table.Rows))
        {
            Assert.StartsWith(row.Name, cells[0].Text, StringComparison.Ordinal);
            Assert.Equal(row.ParticipantsByStage.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)), cells.Skip(2).Take(row.ParticipantsByStage.Count).Select(c => c.Text));
            Assert.Equal(row.Quote is null ? "" : $"“{row.Quote}” ({row.QuoteFrom})", cells[^1].Text);
        }
    }
}
