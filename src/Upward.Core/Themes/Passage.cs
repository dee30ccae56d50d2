namespace Upward.Core.Themes;

/// <summary>Where the words a coder selected sit in an answer, so a coding can point at a passage without JavaScript.</summary>
public static class Passage
{
    /// <summary>The start and length of the first occurrence of <paramref name="words"/> (ignoring case), or null if absent.</summary>
    public static (int Start, int Length)? Find(string text, string words)
    {
        var trimmed = words.Trim();
        if (trimmed.Length == 0) return null;
        var start = text.IndexOf(trimmed, StringComparison.OrdinalIgnoreCase);
        return start < 0 ? null : (start, trimmed.Length);
    }
}
