namespace Upward.Web.Paging;

/// <summary>
/// The words typed into a list's search box, made ready to compare: trimmed, cut to a sane length and
/// lower-cased, so the query compares lower(column) with it on SQLite and PostgreSQL alike (PostgreSQL's
/// LIKE is case-sensitive, SQLite's is not).
/// </summary>
public static class ListSearch
{
    public const int MaxLength = 100;

    /// <summary>The term to look for, or null when nothing useful was typed.</summary>
    public static string? Term(string? typed)
    {
        var term = typed?.Trim();
        if (string.IsNullOrEmpty(term)) return null;
        return (term.Length > MaxLength ? term[..MaxLength] : term).ToLowerInvariant();
    }
}
