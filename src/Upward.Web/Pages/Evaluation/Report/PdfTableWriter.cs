using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Upward.Core.Evaluation.BoardReport;

namespace Upward.Web.Pages.Evaluation.Report;

/// <summary>
/// A <see cref="ReportTable"/> as a tagged PDF table: Table with its Caption, THead of column
/// headers (scope Column), TBody rows whose first cell heads the row (scope Row). Rows never split;
/// a table that runs on repeats its header row on the next page, drawn as an artifact so a screen
/// reader hears it once.
/// </summary>
internal static class PdfTableWriter
{
    private const double Padding = 3.5;
    private static readonly XFont Body = PdfFlow.Font(8);
    private static readonly XFont Bold = PdfFlow.Font(8, bold: true);
    private static readonly XFont CaptionFont = PdfFlow.Font(9.5, bold: true);

    public static void Write(PdfFlow flow, ReportTable table)
    {
        double total = table.Widths.Sum();
        var widths = table.Widths.Select(w => w / total * flow.Width).ToArray();
        var header = table.Columns.Select(c => new ReportCell(c)).ToList();
        double headerHeight = Height(flow, table, header, widths, Bold);
        var captionLines = flow.Wrap(table.Caption, CaptionFont, flow.Width);
        double captionHeight = captionLines.Count * PdfFlow.LineHeight(CaptionFont) + 3;

        // The caption, the header and the first row stay together.
        flow.EnsureRoom(captionHeight + headerHeight + (table.Rows.Count > 0 ? Height(flow, table, table.Rows[0], widths, Body) : 0));
        flow.Tags.BeginElement(PdfBlockLevelElementTag.Table);
        // A grouping element holds no content itself: the caption's text is a paragraph inside it.
        flow.Tags.BeginElement(PdfGroupingElementTag.Caption);
        flow.Tags.BeginElement(PdfBlockLevelElementTag.Paragraph);
        foreach (var line in captionLines)
        {
            flow.Gfx.DrawString(line, CaptionFont, new XSolidBrush(PdfFlow.Ink), new XRect(flow.Left, flow.Y, flow.Width, 12), XStringFormats.TopLeft);
            flow.Y += PdfFlow.LineHeight(CaptionFont);
        }
        flow.Tags.End();
        flow.Tags.End();
        flow.Y += 3;

        flow.Tags.BeginElement(PdfBlockLevelElementTag.TableHeadRowGroup);
        Row(flow, table, header, widths, isHeader: true, tagged: true);
        flow.Tags.End();

        flow.Tags.BeginElement(PdfBlockLevelElementTag.TableBodyRowGroup);
        foreach (var row in table.Rows)
        {
            if (flow.Y + Height(flow, table, row, widths, Body) > flow.Bottom)
            {
                flow.NewPage();
                flow.Artifact(g =>
                {
                    // The caption again, marked as continued, so a reader of the paper knows which table this is.
                    var continued = flow.Wrap(table.Caption + " (continued)", CaptionFont, flow.Width);
                    foreach (var line in continued)
                    {
                        g.DrawString(line, CaptionFont, new XSolidBrush(PdfFlow.Ink), new XRect(flow.Left, flow.Y, flow.Width, 12), XStringFormats.TopLeft);
                        flow.Y += PdfFlow.LineHeight(CaptionFont);
                    }
                    flow.Y += 3;
                    Row(flow, table, header, widths, isHeader: true, tagged: false);
                });
            }
            Row(flow, table, row, widths, isHeader: false, tagged: true);
        }
        flow.Tags.End();
        flow.Tags.End();
        flow.Y += 14;
    }

    private static void Row(PdfFlow flow, ReportTable table, IReadOnlyList<ReportCell> cells, double[] widths, bool isHeader, bool tagged)
    {
        double height = Height(flow, table, cells, widths, isHeader ? Bold : Body), top = flow.Y;
        void Decorate(XGraphics g)
        {
            if (isHeader) g.DrawRectangle(new XSolidBrush(PdfFlow.PaleGrey), flow.Left, top, flow.Width, height);
            g.DrawLine(new XPen(isHeader ? PdfFlow.Ink : PdfFlow.Rule, isHeader ? 0.8 : 0.5), flow.Left, top + height, flow.Left + flow.Width, top + height);
        }
        // Shading and rules are artifacts; an untagged row (a repeated header) is inside one already.
        if (tagged) flow.Artifact(Decorate);
        else Decorate(flow.Gfx);
        if (tagged) flow.Tags.BeginElement(PdfBlockLevelElementTag.TableRow);
        int column = 0;
        double x = flow.Left;
        foreach (var cell in cells)
        {
            double width = widths.Skip(column).Take(cell.Span).Sum();
            bool heads = isHeader || column == 0;
            var font = heads ? Bold : Body;
            bool right = cell.Span == 1 && table.Numeric.Contains(column);
            if (tagged)
            {
                flow.Tags.BeginElement(heads ? PdfBlockLevelElementTag.TableHeaderCell : PdfBlockLevelElementTag.TableDataCell);
                if (heads) Scope(flow.Tags, isHeader ? "Column" : "Row");
                if (cell.Span > 1) flow.Tags.SetColSpan(cell.Span);
            }
            double y = top + Padding;
            var lines = flow.Wrap(cell.Text, font, width - (right ? 3 : 2) * Padding);
            foreach (var line in right ? lines.Select(l => l.TrimEnd()) : lines)
            {
                if (line.Trim().Length > 0)
                {
                    // Figures keep a wider gap on their right, so they do not run into the text of the next column.
                    flow.Gfx.DrawString(line, font, new XSolidBrush(PdfFlow.Ink), new XRect(x + Padding, y, width - (right ? 3 : 2) * Padding, PdfFlow.LineHeight(font)), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
                }
                y += PdfFlow.LineHeight(font);
            }
            if (tagged) flow.Tags.End();
            x += width;
            column += cell.Span;
        }
        if (tagged) flow.Tags.End();
        flow.Y = top + height;
    }

    // The same wrapping as Row, so the rule under a row sits below its tallest cell.
    private static double Height(PdfFlow flow, ReportTable table, IReadOnlyList<ReportCell> cells, double[] widths, XFont font)
    {
        int column = 0, lines = 1;
        foreach (var cell in cells)
        {
            double width = widths.Skip(column).Take(cell.Span).Sum();
            var cellFont = column == 0 ? Bold : font;
            bool right = cell.Span == 1 && table.Numeric.Contains(column);
            lines = Math.Max(lines, flow.Wrap(cell.Text, cellFont, width - (right ? 3 : 2) * Padding).Count);
            column += cell.Span;
        }
        return lines * PdfFlow.LineHeight(font) + 2 * Padding;
    }

    // PDF/UA wants a TH's scope: /A << /O /Table /Scope /Column >>.
    private static void Scope(StructureBuilder tags, string scope)
    {
        var attributes = new PdfDictionary(tags.CurrentStructureElement.Owner);
        attributes.Elements.SetName("/O", "/Table");
        attributes.Elements.SetName("/Scope", "/" + scope);
        tags.CurrentStructureElement.Elements["/A"] = attributes;
    }
}
