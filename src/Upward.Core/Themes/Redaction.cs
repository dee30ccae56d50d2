using System.Text.RegularExpressions;

namespace Upward.Core.Themes;

/// <summary>Masks identifying words in free text before anyone codes it.</summary>
public static class Redaction
{
    public const string Mask = "[redacted]";

    /// <summary>
    /// Replaces every occurrence of each phrase (ignoring case, whole words only so "Ann" does not
    /// eat "annual") with <see cref="Mask"/>. Longer phrases go first so "Dr Ann Lee" beats "Ann".
    /// </summary>
    public static string Apply(string text, IEnumerable<string> phrases)
    {
        var result = text;
        foreach (var phrase in phrases.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length))
        {
            var pattern = $@"(?<![\w]){Regex.Escape(phrase)}(?![\w])";
            result = Regex.Replace(result, pattern, Mask, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        return result;
    }

    /// <summary>The phrases of <paramref name="phrases"/> that do not occur in the text, to tell the user.</summary>
    public static IReadOnlyList<string> Missing(string text, IEnumerable<string> phrases) =>
        phrases.Select(p => p.Trim()).Where(p => p.Length > 0 && Apply(text, [p]) == text).ToList();
}
