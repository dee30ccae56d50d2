using Microsoft.AspNetCore.Routing;

namespace Upward.Web.Programmes;

/// <summary>
/// Addresses of pages for code that has no page of its own to ask: the programme's task list,
/// notifications the scheduler queues and the links in emails. Named by page and written by the
/// router, as asp-page and RedirectToPage are, so an address cannot drift from its page's route.
/// </summary>
public sealed class PageLinks(LinkGenerator links)
{
    /// <summary>Any page, like <c>Page("/People/Accept", new { token })</c>; values the route does not take go in the query.</summary>
    public string Page(string page, object? values = null) =>
        links.GetPathByPage(page, handler: null, values)
            ?? throw new InvalidOperationException($"The page {page} has no address for the values given");

    /// <summary>A page of one programme, like <c>Programme(id, "/Sessions/Pairing")</c>, with any further route values.</summary>
    public string Programme(Guid programmeId, string page, object? values = null)
    {
        var route = new RouteValueDictionary(values) { ["programmeId"] = programmeId };
        return links.GetPathByPage(page, handler: null, route)
            ?? throw new InvalidOperationException($"The page {page} has no address for the values {string.Join(", ", route.Keys)}");
    }
}
