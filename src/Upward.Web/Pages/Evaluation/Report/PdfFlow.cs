using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Upward.Web.Pages.Evaluation.Report;

/// <summary>
/// Flowing layout on A4 for a tagged PDF: a cursor down the page, a new page when the next piece
/// does not fit, word wrapping, and the structure tags around what is drawn. Everything drawn is
/// either inside a structure element (read aloud) or an artifact (rules, shading, page numbers).
/// </summary>
internal sealed class PdfFlow : IDisposable
{
    public const double Margin = 56;      // about 2 cm
    private const double FooterSpace = 24;

    public static readonly XColor Ink = XColor.FromArgb(0x21, 0x2b, 0x32);
    public static readonly XColor NhsBlue = XColor.FromArgb(0x00, 0x5e, 0xb8);
    public static readonly XColor Grey = XColor.FromArgb(0x4c, 0x62, 0x72);
    public static readonly XColor PaleGrey = XColor.FromArgb(0xe8, 0xed, 0xee);
    public static readonly XColor Rule = XColor.FromArgb(0xd8, 0xdd, 0xe0);

    private readonly string _footer;
    private int _pages;

    public PdfFlow(PdfDocument document, string footer)
    {
        Document = document;
        _footer = footer;
        // The manager must exist before the first page, so that every page's content is marked.
        Tags = UAManager.ForDocument(document).StructureBuilder;
        Page = document.AddPage();
        Page.Size = PdfSharp.PageSize.A4;
        Gfx = XGraphics.FromPdfPage(Page);
        _pages = 1;
        Y = Margin;
    }

    public PdfDocument Document { get; }
    public StructureBuilder Tags { get; }
    public PdfPage Page { get; private set; }
    public XGraphics Gfx { get; private set; }

    /// <summary>Where the next piece starts, in points from the top of the page.</summary>
    public double Y { get; set; }

    public double Left => Margin;
    public double Width => Page.Width.Point - 2 * Margin;
    public double Bottom => Page.Height.Point - Margin - FooterSpace;
    public double Room => Bottom - Y;

    public static XFont Font(double size, bool bold = false) =>
        new(SystemFonts.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    public static double LineHeight(XFont font) => font.Size * 1.3;

    /// <summary>Starts a page; every page after the first carries the report's name and its number as an artifact.</summary>
    public void NewPage()
    {
        Gfx.Dispose();
        Page = Document.AddPage();
        Page.Size = PdfSharp.PageSize.A4;
        Gfx = XGraphics.FromPdfPage(Page);
        _pages++;
        Y = Margin;
        var font = Font(8);
        Artifact(g =>
        {
            double y = Page.Height.Point - Margin + 4;
            g.DrawLine(new XPen(Rule, 0.5), Left, y - 6, Left + Width, y - 6);
            g.DrawString(_footer, font, new XSolidBrush(Grey), new XRect(Left, y, Width, 12), XStringFormats.TopLeft);
            g.DrawString($"Page {_pages}", font, new XSolidBrush(Grey), new XRect(Left, y, Width, 12), XStringFormats.TopRight);
        });
    }

    /// <summary>Moves to a new page unless <paramref name="height"/> points fit below the cursor.</summary>
    public void EnsureRoom(double height)
    {
        if (Y + height > Bottom && Y > Margin) NewPage();
    }

    /// <summary>Draws decoration that a screen reader should skip.</summary>
    public void Artifact(Action<XGraphics> draw)
    {
        Tags.BeginArtifact();
        draw(Gfx);
        Tags.End();
    }

    /// <summary>
    /// A paragraph or heading, wrapped to <paramref name="width"/>. A paragraph longer than the room
    /// left continues on the next page as a second element of the same kind, never cut mid-line.
    /// </summary>
    public void Text(PdfBlockLevelElementTag tag, string text, XFont font, XColor colour, double after, double indent = 0)
    {
        double width = Width - indent, line = LineHeight(font);
        var lines = Wrap(text, font, width);
        int i = 0;
        while (i < lines.Count)
        {
            EnsureRoom(line);
            Tags.BeginElement(tag);
            for (; i < lines.Count && Y + line <= Bottom; i++)
            {
                Gfx.DrawString(lines[i], font, new XSolidBrush(colour), new XRect(Left + indent, Y, width, line), XStringFormats.TopLeft);
                Y += line;
            }
            Tags.End();
        }
        Y += after;
    }

    /// <summary>
    /// Splits text into lines no wider than <paramref name="width"/>; a single word wider than that is
    /// broken by characters. A line that ends where a space was keeps it: invisible on the page, but
    /// without it text extraction and screen readers join the last word of a line to the next one's first.
    /// </summary>
    public List<string> Wrap(string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (Gfx.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }
                if (line.Length > 0) lines.Add(line + " ");
                line = word;
                // A word too long for the column (a SHA-256, say) is broken where it must be.
                while (line.Length > 1 && Gfx.MeasureString(line, font).Width > width)
                {
                    int fit = line.Length - 1;
                    while (fit > 1 && Gfx.MeasureString(line[..fit], font).Width > width) fit--;
                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }
            lines.Add(line);
        }
        return lines;
    }

    public void Dispose() => Gfx.Dispose();
}
