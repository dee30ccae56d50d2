using System.Text.RegularExpressions;

namespace Upward.Core.Themes;

/// <summary>Masks identifying words in free text before anyone codes it.</summary>
public static class Redaction
{
    public const string Mask = "[redacted]";

    /// <summary>One stretch of text replaced by the mask: where it started and how long it was, in the text before that pass.</summary>
    public readonly record struct Edit(int Start, int OldLength, int NewLength)
    {
        public int End => Start + OldLength;
    }

    /// <summary>
    /// The masked text and the edits of each pass (one pass per phrase, in the order applied), so
    /// positions in the text before can be carried to the text after (<see cref="PassageAfterRedaction"/>).
    /// </summary>
    public sealed record Result(string Text, IReadOnlyList<IReadOnlyList<Edit>> Passes);

    /// <summary>
    /// Replaces every occurrence of each phrase (ignoring case, whole words only so "Ann" does not
    /// eat "annual") with <see cref="Mask"/>. Longer phrases go first so "Dr Ann Lee" beats "Ann".
    /// </summary>
    public static string Apply(string text, IEnumerable<string> phrases) => Redact(text, phrases).Text;

    /// <summary>As <see cref="Apply"/>, also saying what was replaced where.</summary>
    public static Result Redact(string text, IEnumerable<string> phrases)
    {
        var result = text;
        var passes = new List<IReadOnlyList<Edit>>();
        foreach (var phrase in phrases.Select(p => p.Trim()).Where(p => p.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length))
        {
            var pattern = $@"(?<![\w]){Regex.Escape(phrase)}(?![\w])";
            var edits = new List<Edit>();
            result = Regex.Replace(result, pattern, match =>
            {
                edits.Add(new Edit(match.Index, match.Length, Mask.Length));
                return Mask;
            }, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            if (edits.Count > 0) passes.Add(edits);
        }
        return new Result(result, passes);
    }

    /// <summary>The phrases of <paramref name="phrases"/> that do not occur in the text, to tell the user.</summary>
    public static IReadOnlyList<string> Missing(string text, IEnumerable<string> phrases) =>
        phrases.Select(p => p.Trim()).Where(p => p.Length > 0 && Apply(text, [p]) == text).ToList();
}
