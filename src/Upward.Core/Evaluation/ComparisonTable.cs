using System.Globalization;
using Upward.Core.Bundles;

namespace Upward.Core.Evaluation;

/// <summary>
/// Every before/after comparison as rows of full-precision numbers, for the CSV, XLSX and PDF exports:
/// the same figures the report page rounds for reading. Suppressed rows keep their n and nothing else.
/// </summary>
public static class ComparisonTable
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "audience", "score", "from", "to", "domain", "pairs",
        "before_median", "before_q1", "before_q3", "after_median", "after_q1", "after_q3",
        "p_spss", "p_exact", "r",
        // The Hodges–Lehmann change after − before with its 95% interval and the level that interval achieves.
        "hl_estimate", "hl_lower", "hl_upper", "hl_achieved_conf_level",
    ];

    /// <summary>Indexes of the numeric columns, so a workbook stores them as numbers.</summary>
    public static readonly ISet<int> NumericColumns = new HashSet<int>(Enumerable.Range(5, 14));

    public static IEnumerable<IReadOnlyList<string>> Rows(EvaluationReport report)
    {
        static string N(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? "";
        foreach (var comparison in report.Comparisons)
        {
            foreach (var row in comparison.Rows)
            {
                var c = row.Comparison;
                yield return
                [
                    BundleNames.Of(comparison.Audience), comparison.Score, BundleNames.Of(comparison.From), BundleNames.Of(comparison.To), row.Label,
                    row.Pairs.ToString(CultureInfo.InvariantCulture),
                    N(c?.Pre.Median), N(c?.Pre.Q1), N(c?.Pre.Q3), N(c?.Post.Median), N(c?.Post.Q1), N(c?.Post.Q3),
                    N(c?.Test?.PAsymptotic), N(c?.Test?.PExact), N(c?.Test?.R),
                    N(c?.HodgesLehmann?.Estimate), N(c?.HodgesLehmann?.Lower), N(c?.HodgesLehmann?.Upper), N(c?.HodgesLehmann?.AchievedConfLevel),
                ];
            }
        }
    }

    /// <summary>One readable line per comparison row, worded as on the report page.</summary>
    public static IEnumerable<(string Heading, IReadOnlyList<string> Lines)> Sections(EvaluationReport report) =>
        report.Comparisons.Select(comparison => (
            $"{ReportText.PluralTitle(comparison.Audience)}' {comparison.Score}: {BundleNames.Describe(comparison.From)} to {BundleNames.Describe(comparison.To)}",
            (IReadOnlyList<string>)(Interventions.Between(comparison.From, comparison.To) ? Array.Empty<string>() : ["No intervention between these stages. " + Interventions.NoneBetweenLabel])
            .Concat(comparison.Rows.Select(row => row.Comparison is { } c
                ? $"{row.Label} (n = {row.Pairs} pairs): before {ReportText.MedianIqr(c.Pre)}, after {ReportText.MedianIqr(c.Post)}" +
                  (c.Test is { } t ? $"; p = {ReportText.P(t.PAsymptotic)} (SPSS), exact p = {ReportText.ExactP(t.PExact)}, r = {ReportText.Effect(t.R)}, change {ReportText.Change(c.HodgesLehmann)}" : "; no change in any pair")
                : $"{row.Label}: not shown, fewer than {report.AnonymityThreshold} pairs (n = {row.Pairs})")).ToList()));
}
