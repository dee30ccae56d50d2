using UglyToad.PdfPig;

namespace Upward.Web.Tests.Recognition;

/// <summary>The text of a PDF Upward made, read with PdfPig, with all white space taken out so a search does not depend on where lines wrap.</summary>
public static class PdfText
{
    public static string Of(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squash(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    public static string Squash(string text) => new(text.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
