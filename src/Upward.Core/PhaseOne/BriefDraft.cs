namespace Upward.Core.PhaseOne;

/// <summary>The first draft of a brief's text for one domain, before the facilitator edits it.</summary>
public static class BriefDraft
{
    /// <summary>From the group's notes: the points as recorded, with the group's rating if it agreed one.</summary>
    public static string FromGroupNote(GroupNote? note)
    {
        if (note is null || (string.IsNullOrWhiteSpace(note.Points) && note.Rating is null))
        {
            return "";
        }
        var text = note.Points.Trim();
        return note.Rating is { } rating ? $"{text}\n\nGroup rating: {rating} out of {Rating.Highest}".Trim() : text;
    }

    /// <summary>The group's points alone, for the editable text; the rating is kept apart (<see cref="GroupRating"/>).</summary>
    public static string PointsFromGroupNote(GroupNote? note) => note?.Points.Trim() ?? "";

    /// <summary>"Group rating: 4 out of 5", or null if the group agreed none.</summary>
    public static string? GroupRating(GroupNote? note) => note?.Rating is { } rating ? $"Group rating: {rating} out of {Rating.Highest}" : null;

    /// <summary>The comments alone, one bullet each in alphabetical order, for the editable text.</summary>
    public static string CommentsFrom(IEnumerable<AnonymousContribution> contributions) =>
        string.Join("\n", contributions.Where(c => !string.IsNullOrWhiteSpace(c.Text))
            .Select(c => "- " + c.Text.Trim().ReplaceLineEndings(" "))
            .Order(StringComparer.Ordinal));

    /// <summary>"Median rating: 4 out of 5 (3 mentors rated)", only when at least <paramref name="threshold"/> mentors rated; else null.</summary>
    public static string? MedianRating(IEnumerable<AnonymousContribution> contributions, int threshold)
    {
        var ratings = contributions.Where(c => c.Rating is not null).Select(c => c.Rating!.Value).Order().ToList();
        return ratings.Count >= threshold && ratings.Count > 0 ? $"Median rating: {Median(ratings)} out of {Rating.Highest} ({ratings.Count} mentors rated)" : null;
    }

    /// <summary>
    /// From anonymous contributions: each comment as a bullet in alphabetical order (never the order
    /// received), and the median rating only when at least <paramref name="threshold"/> mentors rated.
    /// </summary>
    public static string FromContributions(IEnumerable<AnonymousContribution> contributions, int threshold)
    {
        var list = contributions.ToList();
        var lines = list.Where(c => !string.IsNullOrWhiteSpace(c.Text))
            .Select(c => "- " + c.Text.Trim().ReplaceLineEndings(" "))
            .Order(StringComparer.Ordinal)
            .ToList();
        var ratings = list.Where(c => c.Rating is not null).Select(c => c.Rating!.Value).Order().ToList();
        if (ratings.Count >= threshold && ratings.Count > 0)
        {
            lines.Add("");
            lines.Add($"Median rating: {Median(ratings)} out of {Rating.Highest} ({ratings.Count} mentors rated)");
        }
        return string.Join("\n", lines);
    }

    private static string Median(List<int> sorted)
    {
        var middle = sorted.Count / 2;
        var value = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2.0;
        return value.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);
    }
}
