namespace Upward.Core.Themes;

/// <summary>Codebook operations that keep codings consistent with the themes they point at.</summary>
public static class Codebook
{
    /// <summary>
    /// Merges <paramref name="from"/> into <paramref name="into"/>: its codings follow, a coding that
    /// would repeat one already there is returned for removal, and children move to the survivor.
    /// </summary>
    /// <returns>The codings made redundant by the merge.</returns>
    public static IReadOnlyList<Coding> Merge(Theme from, Theme into, IEnumerable<Theme> themes, IEnumerable<Coding> codings)
    {
        if (from.Id == into.Id) throw new ArgumentException("A theme cannot be merged into itself", nameof(into));
        var list = codings.ToList();
        var kept = list.Where(c => c.ThemeId == into.Id).Select(c => (c.AnswerId, c.CoderEnrolmentId, c.PassageStart, c.PassageLength)).ToHashSet();
        var redundant = new List<Coding>();
        foreach (var coding in list.Where(c => c.ThemeId == from.Id))
        {
            if (kept.Add((coding.AnswerId, coding.CoderEnrolmentId, coding.PassageStart, coding.PassageLength)))
                coding.ThemeId = into.Id;
            else
                redundant.Add(coding);
        }
        foreach (var child in themes.Where(t => t.ParentId == from.Id))
        {
            child.ParentId = child.Id == into.Id ? null : into.Id;
        }
        if (into.ParentId == from.Id) into.ParentId = from.ParentId;
        return redundant;
    }
}
