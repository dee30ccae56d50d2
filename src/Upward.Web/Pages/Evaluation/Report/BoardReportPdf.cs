using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;
using Upward.Core.Evaluation.BoardReport;

namespace Upward.Web.Pages.Evaluation.Report;

/// <summary>
/// The board report as a tagged PDF (PDF/UA structure: Document, H1–H3, P, Table, Figure with
/// alternative text; language en-GB; the title shown in the viewer's title bar): a title page, then
/// the composer's blocks in order. What it says is decided in Core by <see cref="BoardReportComposer"/>.
/// </summary>
public static class BoardReportPdf
{
    private static readonly XFont H1 = PdfFlow.Font(17, bold: true);
    private static readonly XFont H2 = PdfFlow.Font(12.5, bold: true);
    private static readonly XFont Body = PdfFlow.Font(10);
    private static readonly XFont NoteFont = PdfFlow.Font(10, bold: true);

    /// <exception cref="FontUnavailableException">No TrueType font is installed.</exception>
    public static byte[] Write(ReportTitle title, IReadOnlyList<ReportBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(blocks);
        SystemFonts.EnsureResolver();
        using var document = new PdfDocument();
        string name = $"Evaluation report: {title.Programme}";
        document.Info.Title = name;
        document.Info.Subject = $"Evaluation of {title.Programme}, {title.Organisation}";
        document.Info.Creator = "Upward";
        document.ViewerPreferences.DisplayDocTitle = true;
        using (var flow = new PdfFlow(document, name))
        {
            UAManager.ForDocument(document).SetDocumentLanguage("en-GB");
            TitlePage(flow, title);
            flow.NewPage();
            foreach (var block in blocks)
            {
                Block(flow, block);
            }
        }
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static void TitlePage(PdfFlow flow, ReportTitle title)
    {
        double width = flow.Page.Width.Point;
        flow.Artifact(gfx => gfx.DrawRectangle(new XSolidBrush(PdfFlow.NhsBlue), 0, 0, width, 200));
        flow.Y = 120;
        flow.Text(PdfBlockLevelElementTag.Paragraph, "Evaluation report", PdfFlow.Font(14, bold: true), XColors.White, 6);
        flow.Y = 240;
        flow.Text(PdfBlockLevelElementTag.Heading1, title.Programme, PdfFlow.Font(26, bold: true), PdfFlow.Ink, 14);
        flow.Text(PdfBlockLevelElementTag.Paragraph, title.Organisation, PdfFlow.Font(14), PdfFlow.Ink, 24);
        foreach (var line in title.Dates)
        {
            flow.Text(PdfBlockLevelElementTag.Paragraph, line, PdfFlow.Font(11), PdfFlow.Grey, 4);
        }
        flow.Y = flow.Bottom - 40;
        flow.Artifact(gfx => gfx.DrawLine(new XPen(PdfFlow.NhsBlue, 2), flow.Left, flow.Y - 10, flow.Left + 80, flow.Y - 10));
        flow.Text(PdfBlockLevelElementTag.Paragraph, "De-identified: participants appear under codes only, and figures from too few people to protect them are not shown. Produced by Upward from the programme's own records.", PdfFlow.Font(9), PdfFlow.Grey, 0);
    }

    // L > LI > (Lbl, LBody): a screen reader announces a list and its length.
    private static void List(PdfFlow flow, ReportList list)
    {
        flow.Tags.BeginElement(PdfBlockLevelElementTag.List);
        foreach (var item in list.Items)
        {
            flow.EnsureRoom(PdfFlow.LineHeight(Body) * 2);
            flow.Tags.BeginElement(PdfBlockLevelElementTag.ListItem);
            flow.Tags.BeginElement(PdfBlockLevelElementTag.Label);
            flow.Gfx.DrawString("•", Body, new XSolidBrush(PdfFlow.Ink), new XRect(flow.Left + 4, flow.Y, 10, PdfFlow.LineHeight(Body)), XStringFormats.TopLeft);
            flow.Tags.End();
            flow.Text(PdfBlockLevelElementTag.ListBody, item, Body, PdfFlow.Ink, 3, indent: 16);
            flow.Tags.End();
        }
        flow.Tags.End();
        flow.Y += 6;
    }

    private static void Block(PdfFlow flow, ReportBlock block)
    {
        switch (block)
        {
            case ReportHeading { Level: 1 } h:
                // A section starts on a fresh page when less than a third of one is left.
                flow.EnsureRoom(flow.Page.Height.Point / 3);
                if (flow.Y > PdfFlow.Margin) flow.Y += 8;
                flow.Text(PdfBlockLevelElementTag.Heading2, h.Text, H1, PdfFlow.NhsBlue, 6);
                break;
            case ReportHeading h:
                flow.EnsureRoom(90);
                flow.Y += 4;
                flow.Text(PdfBlockLevelElementTag.Heading3, h.Text, H2, PdfFlow.Ink, 4);
                break;
            case ReportParagraph { Note: true } p:
                flow.Text(PdfBlockLevelElementTag.Paragraph, p.Text, NoteFont, PdfFlow.Ink, 6);
                break;
            case ReportParagraph p:
                flow.Text(PdfBlockLevelElementTag.Paragraph, p.Text, Body, PdfFlow.Ink, 7);
                break;
            case ReportList list:
                List(flow, list);
                break;
            case ReportTable table:
                PdfTableWriter.Write(flow, table);
                break;
            case ReportChart chart:
                PdfChartDrawer.Draw(flow, chart);
                break;
        }
    }
}
