using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Upward.Web.Pages.Preparation;

/// <summary>
/// A module's Markdown as HTML. A coordinator writes it, so raw HTML is shown as text and links go
/// only to web pages, email addresses or Upward itself; a heading is never a second h1 under the page's own.
/// </summary>
public static class ModuleHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>())
        {
            if (!Safe(link.Url)) link.Url = "#";
        }
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Max(2, heading.Level);
        }
        return document.ToHtml(Pipeline);
    }

    private static bool Safe(string? url) =>
        url is null || url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) || url.StartsWith('#')
        || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);
}
