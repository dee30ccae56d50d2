namespace Upward.Core.Programmes;

/// <summary>
/// The coordinator's lists of departments and specialties, entered one per line. Participants
/// choose from them, so allocation compares like with like rather than free-typed variants.
/// </summary>
public static class ProgrammeLists
{
    public const int MaxLength = 120;
    public const int MaxEntries = 100;

    /// <summary>The entries of a one-per-line text, trimmed, blank lines and repeats dropped; or the problem with it.</summary>
    /// <param name="what">One entry, for the error: "department".</param>
    /// <param name="plural">Several, spelled out because English will not add an s to "specialty".</param>
    public static (IReadOnlyList<string> Entries, string? Problem) Parse(string? text, string what, string plural)
    {
        var entries = new List<string>();
        foreach (var line in (text ?? "").Split('\n'))
        {
            var entry = line.Trim();
            if (entry.Length == 0 || entries.Contains(entry, StringComparer.OrdinalIgnoreCase)) continue;
            if (entry.Length > MaxLength)
                return (entries, $"Each {what} must be {MaxLength} characters or fewer");
            entries.Add(entry);
        }
        return entries.Count > MaxEntries
            ? (entries, $"Enter {MaxEntries} {plural} or fewer")
            : (entries, null);
    }
}
