using Upward.Core.Bundles;

namespace Upward.Core.Evaluation;

/// <summary>
/// The report's opening summary: one plain-English sentence per outcome, with n, medians (IQR), p as
/// SPSS reports it, the exact p, the effect size and the Hodges–Lehmann change — the figures a board
/// paper quotes — and the comparison behind it for its chart.
/// </summary>
public static class Headline
{
    /// <param name="WithinArms">For a waitlist control's primary outcome, each arm's own paired result (for a stepped wedge, each step's), shown beside the comparison between arms.</param>
    public sealed record Finding(Outcome Outcome, string Sentence, ScoreComparison? Comparison)
    {
        public IReadOnlyList<string> WithinArms { get; init; } = [];
    }

    public static IReadOnlyList<Finding> Findings(EvaluationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Outcomes.OrderByDescending(o => o.Primary)
            .Select(o => Find(report, o))
            .ToList();
    }

    private static Finding Find(EvaluationReport report, Outcome outcome)
    {
        if (outcome.Primary && report.SteppedWedge is { } wedge && wedge.FirstPeriod.Outcome == outcome)
        {
            return SteppedWedgeFinding.Find(report, wedge);
        }
        if (outcome.Primary && report.Waitlist is { } waitlist && waitlist.Outcome == outcome)
        {
            return WaitlistFinding.Find(report, waitlist);
        }
        var comparison = report.Comparisons.FirstOrDefault(outcome.Matches);
        string what = $"{ReportText.PluralTitle(outcome.Audience)}’ {outcome.Score}";
        string span = $"from {BundleNames.Describe(outcome.From)} to {BundleNames.Describe(outcome.To)}";
        if (comparison is null)
        {
            return new(outcome, $"{what} {span}: not measured at both stages yet.", null);
        }
        var total = comparison.Total;
        if (total.Comparison is not { } c)
        {
            return new(outcome, $"{what} {span}: not shown, because fewer than {report.AnonymityThreshold} people answered both times (n = {total.Pairs}).", comparison);
        }
        string outOf = $"out of {ReportText.Number(comparison.Maximum)}";
        if (c.Test is not { } test)
        {
            return new(outcome, $"{what} {span} did not change for anyone: a median of {ReportText.MedianIqr(c.Pre)} {outOf} both times (n = {total.Pairs}).", comparison);
        }
        string moved = c.Post.Median > c.Pre.Median ? "rose" : c.Post.Median < c.Pre.Median ? "fell" : "stayed at the same median";
        string medians = c.Post.Median == c.Pre.Median
            ? $"{ReportText.MedianIqr(c.Pre)} before and {ReportText.MedianIqr(c.Post)} after, {outOf}"
            : $"from a median of {ReportText.MedianIqr(c.Pre)} to {ReportText.MedianIqr(c.Post)} {outOf}";
        return new(outcome,
            $"{what} {moved} {medians}, {span} (n = {total.Pairs} who answered both times; p = {ReportText.P(test.PAsymptotic)} as SPSS reports it, exact p = {ReportText.ExactP(test.PExact)}; effect size r = {ReportText.Effect(test.R)}; change {ReportText.Change(c.HodgesLehmann)}).",
            comparison);
    }
}
