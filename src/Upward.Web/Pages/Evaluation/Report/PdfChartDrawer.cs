using PdfSharp.Drawing;
using PdfSharp.UniversalAccessibility;
using Upward.Core.Evaluation;
using Upward.Core.Evaluation.BoardReport;
using Upward.Core.Statistics;

namespace Upward.Web.Pages.Evaluation.Report;

/// <summary>
/// The page's charts drawn as vectors (lines, rectangles, text) from the same figures, each a
/// Figure element whose alternative text carries every number shown. Greys and a hatch rather
/// than colour alone, as on the page, so the charts read in black-and-white print.
/// </summary>
internal static class PdfChartDrawer
{
    private static readonly XFont Small = PdfFlow.Font(8);
    private static readonly XFont Label = PdfFlow.Font(8.5);
    private static readonly XFont TitleFont = PdfFlow.Font(9, bold: true);
    private static readonly XColor Red = XColor.FromArgb(0xd5, 0x28, 0x1b);

    public static void Draw(PdfFlow flow, ReportChart chart)
    {
        switch (chart)
        {
            case BeforeAfterFigure bars: BeforeAfter(flow, bars); break;
            case DurationFigure durations: Durations(flow, durations); break;
        }
    }

    private static void BeforeAfter(PdfFlow flow, BeforeAfterFigure chart)
    {
        const double rowHeight = 26, labelWidth = 150, top = 34;
        double plotWidth = Math.Min(300, flow.Width - labelWidth - 20);
        double height = top + chart.Bars.Count * rowHeight + 22;
        flow.EnsureRoom(height + 8);
        var box = new XRect(flow.Left, flow.Y, labelWidth + plotWidth + 10, height);
        double x0 = box.X + labelWidth, y0 = box.Y;
        double X(double score) => x0 + score / 5.0 * plotWidth;
        var ink = new XSolidBrush(PdfFlow.Ink);
        var pen = new XPen(PdfFlow.Ink, 0.6);

        flow.Tags.BeginElement(PdfIllustrationElementTag.Figure, chart.AltText, box);
        var g = flow.Gfx;
        g.DrawString(chart.Title, TitleFont, ink, new XRect(box.X, y0, box.Width + 100, 12), XStringFormats.TopLeft);
        // The key: a hatched swatch for before, a solid one for after, a red line for the IQR.
        double keyY = y0 + 16;
        Hatched(g, new XRect(x0, keyY, 14, 8));
        g.DrawString("Median before", Small, ink, x0 + 18, keyY + 7);
        g.DrawRectangle(pen, ink, x0 + 90, keyY, 14, 8);
        g.DrawString("Median after", Small, ink, x0 + 108, keyY + 7);
        g.DrawLine(new XPen(Red, 1.6), x0 + 175, keyY + 4, x0 + 195, keyY + 4);
        g.DrawString("IQR", Small, ink, x0 + 199, keyY + 7);

        for (int i = 0; i < chart.Bars.Count; i++)
        {
            var bar = chart.Bars[i];
            double y = y0 + top + i * rowHeight;
            g.DrawString(bar.Label, Label, ink, new XRect(box.X, y + 4, labelWidth - 6, 12), XStringFormats.TopRight);
            Bar(g, bar.Before, y, X, hatched: true);
            Bar(g, bar.After, y + 11, X, hatched: false);
        }
        double axisY = y0 + top + chart.Bars.Count * rowHeight + 2;
        g.DrawLine(pen, x0, axisY, x0 + plotWidth, axisY);
        for (int tick = 0; tick <= 5; tick++)
        {
            g.DrawLine(pen, X(tick), axisY, X(tick), axisY + 3);
            g.DrawString(tick.ToString(System.Globalization.CultureInfo.InvariantCulture), Small, ink, new XRect(X(tick) - 10, axisY + 5, 20, 10), XStringFormats.TopCenter);
        }
        flow.Tags.End();
        flow.Y += height + 10;
    }

    private static void Bar(XGraphics g, Summary summary, double y, Func<double, double> x, bool hatched)
    {
        var rect = new XRect(x(0), y, Math.Max(0.5, x(summary.Median) - x(0)), 9);
        if (hatched) Hatched(g, rect);
        else g.DrawRectangle(new XPen(PdfFlow.Ink, 0.6), new XSolidBrush(PdfFlow.Ink), rect);
        g.DrawLine(new XPen(Red, 1.6), x(summary.Q1), y + 4.5, x(summary.Q3), y + 4.5);
    }

    // Diagonal lines clipped to the rectangle, with its outline: the page's hatch pattern.
    private static void Hatched(XGraphics g, XRect rect)
    {
        var state = g.Save();
        g.IntersectClip(rect);
        var pen = new XPen(PdfFlow.Grey, 0.6);
        for (double d = -rect.Height; d < rect.Width; d += 3)
        {
            g.DrawLine(pen, rect.X + d, rect.Bottom, rect.X + d + rect.Height, rect.Y);
        }
        g.Restore(state);
        g.DrawRectangle(new XPen(PdfFlow.Ink, 0.6), rect);
    }

    private static void Durations(PdfFlow flow, DurationFigure chart)
    {
        const double height = 84;
        double plotWidth = Math.Min(400, flow.Width - 40);
        flow.EnsureRoom(height + 8);
        var box = new XRect(flow.Left, flow.Y, plotWidth + 40, height);
        var m = chart.Minutes;
        double X(double minutes) => box.X + 20 + minutes / chart.AxisTop * plotWidth;
        var ink = new XSolidBrush(PdfFlow.Ink);
        var pen = new XPen(PdfFlow.Ink, 0.7);

        flow.Tags.BeginElement(PdfIllustrationElementTag.Figure, chart.AltText, box);
        var g = flow.Gfx;
        g.DrawString(chart.Title, TitleFont, ink, new XRect(box.X, box.Y, box.Width, 12), XStringFormats.TopLeft);
        double mid = box.Y + 38;
        g.DrawLine(pen, X(m.Min), mid, X(m.Max), mid);
        g.DrawRectangle(pen, new XSolidBrush(PdfFlow.PaleGrey), X(m.Q1), mid - 11, Math.Max(1, X(m.Q3) - X(m.Q1)), 22);
        g.DrawLine(new XPen(PdfFlow.Ink, 2.5), X(m.Median), mid - 14, X(m.Median), mid + 14);
        double axisY = box.Y + 62;
        g.DrawLine(pen, X(0), axisY, X(chart.AxisTop), axisY);
        for (int tick = 0; tick <= 4; tick++)
        {
            double value = chart.AxisTop * tick / 4;
            g.DrawLine(pen, X(value), axisY, X(value), axisY + 3);
            g.DrawString(ReportText.Number(value), Small, ink, new XRect(X(value) - 15, axisY + 5, 30, 10), XStringFormats.TopCenter);
        }
        flow.Tags.End();
        flow.Y += height + 10;
    }
}
