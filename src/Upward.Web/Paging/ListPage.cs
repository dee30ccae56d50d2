namespace Upward.Web.Paging;

/// <summary>
/// Which page of a long list is shown: its number (kept within the pages there are, so a bad or stale
/// number shows the nearest page rather than failing), its size and how many items the whole list has.
/// The list itself is read with <see cref="Skip"/> and <see cref="ListPage.Size"/> in the query, so a page
/// costs the same whatever the programme's size.
/// </summary>
public sealed record ListPage(int Number, int Size, int TotalItems)
{
    public int PageCount => Math.Max(1, (TotalItems + Size - 1) / Size);
    public int Skip => (Number - 1) * Size;
    public int FirstShown => TotalItems == 0 ? 0 : Skip + 1;
    public int LastShown => Math.Min(TotalItems, Skip + Size);

    /// <summary>The page asked for, within 1 and the last page (a negative, zero or too-large number is not an error).</summary>
    public static ListPage Of(int requested, int size, int totalItems)
    {
        var count = Math.Max(1, (totalItems + size - 1) / size);
        return new(Math.Clamp(requested, 1, count), size, totalItems);
    }

    /// <summary>
    /// The page numbers to link, NHS.UK's numbered pagination style: the first, the last, and the
    /// current page with its neighbours; null where a run of numbers is left out (shown as an ellipsis).
    /// </summary>
    public IReadOnlyList<int?> Links()
    {
        var shown = new SortedSet<int> { 1, PageCount, Number, Number - 1, Number + 1 };
        shown.RemoveWhere(n => n < 1 || n > PageCount);
        var links = new List<int?>();
        var last = 0;
        foreach (var n in shown)
        {
            if (n > last + 1) links.Add(null);
            links.Add(n);
            last = n;
        }
        return links;
    }
}

/// <summary>What the pagination partial needs: the page shown and the address of any page of the same list.</summary>
public sealed record PaginationLinks(ListPage Page, Func<int, string?> Href, string Label = "Pagination");

/// <summary>
/// Links to the pages before and after one of a list browsed without numbered pages (too long to count on each
/// view); null where there is no such page. <paramref name="Items"/> names what is listed, for screen readers.
/// </summary>
public sealed record PreviousNextLinks(string? Previous, string? Next, string Items, string Label = "Pagination");
