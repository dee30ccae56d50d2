using System.Text.RegularExpressions;

namespace Upward.Core.PhaseOne;

/// <summary>
/// Finds the names of a programme's people in a brief before it is reviewed: a name in a brief can
/// show which mentor said something, or whom it was said about. Full names, first names (as written
/// with a capital) and "Dr Surname" forms are found; the programme's domain names never count.
/// </summary>
public static partial class ParticipantNames
{
    private static readonly string[] Titles = ["Dr", "Doctor", "Mr", "Mrs", "Ms", "Miss", "Mx", "Prof", "Professor", "Sister", "Nurse"];

    /// <summary>The phrases in <paramref name="text"/> that name one of <paramref name="people"/>, as written there, each once.</summary>
    public static IReadOnlyList<string> Find(string text, IEnumerable<string> people, IEnumerable<string> domainNames)
    {
        // Blank out the domain names first, so "Clinical practice" never matches a Dr Practice.
        var searched = text;
        foreach (var domain in domainNames.Where(d => !string.IsNullOrWhiteSpace(d)).OrderByDescending(d => d.Length))
        {
            searched = Regex.Replace(searched, Regex.Escape(domain.Trim()), m => new string(' ', m.Length), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }
        var found = new List<string>();
        foreach (var person in people)
        {
            var (first, surname, full) = Parts(person);
            if (full is null) continue;
            var titles = string.Join("|", Titles.Select(Regex.Escape));
            var patterns = new List<(string Pattern, RegexOptions Options)>
            {
                (Regex.Escape(full).Replace("\\ ", "\\s+"), RegexOptions.IgnoreCase),
                ($"(?:{titles})\\.?\\s+{Regex.Escape(surname!)}", RegexOptions.IgnoreCase),
            };
            if (first is { Length: >= 2 })
            {
                // A first name counts as written with a capital: "Grace" is a name, "with grace" is not.
                patterns.Add((Regex.Escape(first), RegexOptions.None));
            }
            foreach (var (pattern, options) in patterns)
            {
                foreach (Match m in Regex.Matches(searched, $"(?<![\\p{{L}}\\p{{N}}]){pattern}(?![\\p{{L}}\\p{{N}}])", options | RegexOptions.CultureInvariant))
                {
                    found.Add(text.Substring(m.Index, m.Length));
                }
            }
        }
        // Each phrase once: "Ben Carter" and "Ben" are both listed, and editing out the name removes both.
        return found.Select(Normalise).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(p => p, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether two phrases are the same name for a reviewer's confirmation (case and spacing aside).</summary>
    public static bool Same(string a, string b) => string.Equals(Normalise(a), Normalise(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string phrase) => WhiteSpace().Replace(phrase.Trim(), " ");

    /// <summary>First name, surname and the name without title, from a display name like "Dr Amira Hassan (registrar)".</summary>
    private static (string? First, string? Surname, string? Full) Parts(string displayName)
    {
        var name = Parenthesis().Replace(displayName, " ");
        var words = WhiteSpace().Split(name.Trim()).Where(w => w.Length > 0).ToList();
        while (words.Count > 1 && Titles.Contains(words[0].TrimEnd('.'), StringComparer.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
        }
        return words.Count switch
        {
            0 => (null, null, null),
            1 => (words[0], words[0], words[0]),
            _ => (words[0], words[^1], string.Join(" ", words)),
        };
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();

    [GeneratedRegex(@"\([^)]*\)")]
    private static partial Regex Parenthesis();
}
