using System.Globalization;
using System.Text;
using Upward.Core.Statistics;
using static System.Net.WebUtility;

namespace Upward.Core.Evaluation.Charts;

/// <summary>Session durations as an inline SVG box plot: range as a line, IQR as a box, the median as a bar.</summary>
public static class DurationChart
{
    // SVG coordinates need a full stop for the decimal point whatever the host culture.
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    private const int Left = 20;
    private const int PlotWidth = 440;

    /// <summary>The chart, or null when the durations are suppressed.</summary>
    /// <param name="id">A unique id within the page for the title and description.</param>
    public static string? Render(SessionFigures sessions, string id)
    {
        ArgumentNullException.ThrowIfNull(sessions);
        if (sessions.Minutes is not { } m)
        {
            return null;
        }
        double top = NiceTop(m.Max);
        double X(double minutes) => Left + minutes / top * PlotWidth;
        var svg = new StringBuilder();
        int width = Left * 2 + PlotWidth, height = 90;
        svg.Append(Invariant, $"""<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" height="{height}" viewBox="0 0 {width} {height}" aria-labelledby="{id}-title {id}-desc">""");
        svg.Append(Invariant, $"""<title id="{id}-title">{HtmlEncode(Title(m))}</title>""");
        svg.Append(Invariant, $"""<desc id="{id}-desc">{HtmlEncode(Describe(m))}</desc>""");
        svg.Append(Invariant, $"""<line x1="{X(m.Min):0.#}" y1="30" x2="{X(m.Max):0.#}" y2="30" stroke="#212b32"/>""");
        svg.Append(Invariant, $"""<rect x="{X(m.Q1):0.#}" y="18" width="{Math.Max(1, X(m.Q3) - X(m.Q1)):0.#}" height="24" fill="#e8edee" stroke="#212b32"/>""");
        svg.Append(Invariant, $"""<line x1="{X(m.Median):0.#}" y1="14" x2="{X(m.Median):0.#}" y2="46" stroke="#212b32" stroke-width="3"/>""");
        svg.Append(Invariant, $"""<line x1="{Left}" y1="60" x2="{Left + PlotWidth}" y2="60" stroke="#212b32"/>""");
        for (int tick = 0; tick <= 4; tick++)
        {
            double value = top * tick / 4, x = X(value);
            svg.Append(Invariant, $"""<line x1="{x:0.#}" y1="60" x2="{x:0.#}" y2="64" stroke="#212b32"/><text x="{x:0.#}" y="77" font-size="11" text-anchor="middle">{ReportText.Number(value)}</text>""");
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>The chart's title: "Session durations in minutes (12 sessions)".</summary>
    public static string Title(Summary minutes) => $"Session durations in minutes ({minutes.N} sessions)";

    /// <summary>The text alternative, with every figure the chart shows.</summary>
    public static string Describe(Summary m) =>
        $"Median {ReportText.Number(m.Median)} minutes, IQR {ReportText.Number(m.Q1)} to {ReportText.Number(m.Q3)}, shortest {ReportText.Number(m.Min)}, longest {ReportText.Number(m.Max)}; {m.N} sessions.";

    /// <summary>A round axis end at or above the longest session: 60, 120, 180, 240…</summary>
    public static double NiceTop(double max) => Math.Max(60, Math.Ceiling(max / 60) * 60);
}
