using System.Globalization;
using System.Text;
using Upward.Core.Statistics;
using static System.Net.WebUtility;

namespace Upward.Core.Evaluation.Charts;

/// <summary>
/// A per-domain before/after chart as inline SVG: for each domain a light bar for the median
/// before and a dark bar for the median after, each with a line across its IQR. Greys and a
/// hatch rather than colour alone, so it reads in black-and-white print.
/// </summary>
public static class BeforeAfterChart
{
    // SVG coordinates need a full stop for the decimal point whatever the host culture.
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const int RowHeight = 34;
    private const int LabelWidth = 170;
    private const int PlotWidth = 300;
    private const int Top = 26;

    /// <summary>The chart for a grid comparison's domain rows, or null when no domain row can be shown.</summary>
    /// <param name="id">A unique id within the page, used to tie the title and description to the chart.</param>
    public static string? Render(ScoreComparison comparison, string title, string id)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var rows = Rows(comparison);
        if (rows.Count == 0)
        {
            return null;
        }
        int height = Top + rows.Count * RowHeight + 30;
        int width = LabelWidth + PlotWidth + 20;
        var svg = new StringBuilder();
        svg.Append(Invariant, $"""<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="{id}-title {id}-desc">""");
        svg.Append(Invariant, $"""<title id="{id}-title">{HtmlEncode(title)}</title>""");
        svg.Append(Invariant, $"""<desc id="{id}-desc">{HtmlEncode(Describe(rows))}</desc>""");
        svg.Append($"""<defs><pattern id="{id}-hatch" width="4" height="4" patternUnits="userSpaceOnUse"><path d="M0,4 L4,0" stroke="#4c6272" stroke-width="1"/></pattern></defs>""");
        svg.Append(Invariant, $"""<text x="{LabelWidth}" y="14" font-size="12"><tspan font-weight="bold">Median before</tspan> (hatched) and <tspan font-weight="bold">after</tspan> (solid), line: IQR</text>""");
        for (int i = 0; i < rows.Count; i++)
        {
            var c = rows[i].Comparison!;
            int y = Top + i * RowHeight;
            svg.Append(Invariant, $"""<text x="{LabelWidth - 6}" y="{y + 18}" font-size="12" text-anchor="end">{HtmlEncode(rows[i].Label)}</text>""");
            Bar(svg, c.Pre, y + 3, $"url(#{id}-hatch)");
            Bar(svg, c.Post, y + 17, "#212b32");
        }
        int axisY = Top + rows.Count * RowHeight + 4;
        svg.Append(Invariant, $"""<line x1="{LabelWidth}" y1="{axisY}" x2="{LabelWidth + PlotWidth}" y2="{axisY}" stroke="#212b32"/>""");
        for (int tick = 0; tick <= 5; tick++)
        {
            double x = X(tick);
            svg.Append(Invariant, $"""<line x1="{x:0.#}" y1="{axisY}" x2="{x:0.#}" y2="{axisY + 4}" stroke="#212b32"/><text x="{x:0.#}" y="{axisY + 16}" font-size="11" text-anchor="middle">{tick}</text>""");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The rows the chart draws: domains with figures (not the total, not suppressed ones).</summary>
    public static IReadOnlyList<ComparisonRow> Rows(ScoreComparison comparison) =>
        comparison.Rows.Where(r => r.Domain is not null && r.Comparison is not null).ToList();

    private static void Bar(StringBuilder svg, Summary summary, int y, string fill)
    {
        svg.Append(Invariant, $"""<rect x="{LabelWidth}" y="{y}" width="{X(summary.Median) - LabelWidth:0.#}" height="12" fill="{fill}" stroke="#212b32"/>""");
        svg.Append(Invariant, $"""<line x1="{X(summary.Q1):0.#}" y1="{y + 6}" x2="{X(summary.Q3):0.#}" y2="{y + 6}" stroke="#d5281b" stroke-width="2"/>""");
    }

    private static double X(double score) => LabelWidth + score / 5.0 * PlotWidth;

    // The text alternative carries every figure the chart shows.
    public static string Describe(IReadOnlyList<ComparisonRow> rows) => string.Join(" ", rows.Select(r =>
        $"{r.Label}: median {ReportText.MedianIqr(r.Comparison!.Pre)} before and {ReportText.MedianIqr(r.Comparison.Post)} after, {r.Pairs} pairs."));
}
