using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using Upward.Core.Evaluation;

namespace Upward.Web.Pages.Evaluation;

/// <summary>
/// The evaluation report as a PDF for board papers: the headline comparisons and session figures in
/// plain text lines. PDFsharp needs a TrueType font on Linux; <see cref="SystemFonts"/> finds one.
/// </summary>
public static class ReportPdf
{
    public static byte[] Write(string title, IEnumerable<(string Heading, IReadOnlyList<string> Lines)> sections)
    {
        SystemFonts.EnsureResolver();
        using var document = new PdfDocument();
        document.Info.Title = title;
        var heading = new XFont(SystemFonts.Family, 16, XFontStyleEx.Bold);
        var subheading = new XFont(SystemFonts.Family, 12, XFontStyleEx.Bold);
        var body = new XFont(SystemFonts.Family, 9.5, XFontStyleEx.Regular);
        PdfPage page = document.AddPage();
        var gfx = XGraphics.FromPdfPage(page);
        double margin = 50, y = margin, width = page.Width.Point - 2 * margin;

        void NewPageIfNeeded(double needed)
        {
            if (y + needed <= page.Height.Point - margin) return;
            gfx.Dispose();
            page = document.AddPage();
            gfx = XGraphics.FromPdfPage(page);
            y = margin;
        }

        void Write(string text, XFont font, double after)
        {
            foreach (var line in Wrap(gfx, text, font, width))
            {
                NewPageIfNeeded(font.Size * 1.4);
                gfx.DrawString(line, font, XBrushes.Black, new XRect(margin, y, width, font.Size * 1.4), XStringFormats.TopLeft);
                y += font.Size * 1.4;
            }
            y += after;
        }

        Write(title, heading, 10);
        foreach (var (sectionHeading, lines) in sections)
        {
            NewPageIfNeeded(60);
            Write(sectionHeading, subheading, 4);
            foreach (var line in lines) Write(line, body, 2);
            y += 8;
        }
        gfx.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private static IEnumerable<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var line = "";
        foreach (var word in text.Split(' '))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && gfx.MeasureString(candidate, font).Width > width)
            {
                yield return line;
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) yield return line;
    }
}

/// <summary>Finds a TrueType family on the machine (Liberation Sans, then DejaVu Sans) for PDFsharp.</summary>
public sealed class SystemFonts : IFontResolver
{
    public const string Family = "Upward Sans";
    private static readonly object Gate = new();
    private static readonly string[] Folders = ["/usr/share/fonts", "/usr/local/share/fonts", "/Library/Fonts", @"C:\Windows\Fonts"];
    private readonly Dictionary<string, byte[]> _faces = new();

    private SystemFonts(string regular, string bold)
    {
        _faces["regular"] = File.ReadAllBytes(regular);
        _faces["bold"] = File.ReadAllBytes(bold);
    }

    /// <summary>Installs the resolver once; throws <see cref="FontUnavailableException"/> when no font is installed.</summary>
    public static void EnsureResolver()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is SystemFonts) return;
            foreach (var (regular, bold) in new[] { ("LiberationSans-Regular.ttf", "LiberationSans-Bold.ttf"), ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf") })
            {
                var r = Find(regular);
                var b = Find(bold);
                if (r is not null && b is not null)
                {
                    GlobalFontSettings.FontResolver = new SystemFonts(r, b);
                    return;
                }
            }
            throw new FontUnavailableException();
        }
    }

    private static string? Find(string file) =>
        Folders.Where(Directory.Exists).SelectMany(f => Directory.EnumerateFiles(f, file, SearchOption.AllDirectories)).FirstOrDefault();

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "bold" : "regular");

    public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);
}

/// <summary>No TrueType font is installed, so no PDF can be drawn (install fonts-liberation).</summary>
public sealed class FontUnavailableException() : Exception("No TrueType font is installed: install the fonts-liberation package to export PDFs.");
