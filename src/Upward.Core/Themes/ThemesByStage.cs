namespace Upward.Core.Themes;

/// <summary>
/// The study's Table 1: for each theme, how many participants' answers carried it at each stage,
/// and a representative quote, only ever from someone who agreed to be quoted.
/// </summary>
public static class ThemesByStage
{
    /// <summary>What the table needs to know about a coded answer; no names, only participant codes.</summary>
    public sealed record AnswerFacts(Guid AnswerId, string Stage, string ParticipantCode, bool MayQuote, string Text);

    public sealed record Row(Theme Theme, IReadOnlyDictionary<string, int> ParticipantsByStage, string? Quote, string? QuoteFrom);

    /// <param name="stages">Column order, for example before phase 1, after phase 1, before phase 2, after phase 2.</param>
    /// <param name="chosenQuotes">The answer a researcher picked as representative, per theme.</param>
    public static IReadOnlyList<Row> Build(
        IReadOnlyList<Theme> themes, IEnumerable<Coding> codings, IReadOnlyDictionary<Guid, AnswerFacts> answers,
        IReadOnlyList<string> stages, IReadOnlyDictionary<Guid, Guid> chosenQuotes)
    {
        var byTheme = codings.Where(c => answers.ContainsKey(c.AnswerId)).GroupBy(c => c.ThemeId).ToDictionary(g => g.Key, g => g.ToList());
        var rows = new List<Row>();
        foreach (var theme in themes.OrderBy(t => t.Name, StringComparer.CurrentCultureIgnoreCase))
        {
            var mine = byTheme.GetValueOrDefault(theme.Id) ?? [];
            // A participant counts once per stage however many coders or passages carry the theme.
            var counts = stages.ToDictionary(s => s, s => mine.Select(c => answers[c.AnswerId]).Where(a => a.Stage == s).Select(a => a.ParticipantCode).Distinct().Count());
            var (quote, from) = Quote(mine, chosenQuotes.TryGetValue(theme.Id, out var chosen) ? answers.GetValueOrDefault(chosen) : null);
            rows.Add(new Row(theme, counts, quote, from));
        }
        return rows;
    }

    /// <summary>
    /// A theme's representative quote as the table shows it: the coded passage of the chosen answer (or its
    /// whole text), only from someone who agreed to be quoted and only while the answer still carries the theme.
    /// </summary>
    /// <param name="codingsOfTheme">The theme's codings (only those of the chosen answer are looked at).</param>
    /// <param name="chosen">The chosen answer as it may be analysed now, or null when there is none or it may no longer be.</param>
    public static (string? Quote, string? From) Quote(IEnumerable<Coding> codingsOfTheme, AnswerFacts? chosen)
    {
        if (chosen is not { MayQuote: true })
        {
            return (null, null);
        }
        var mine = codingsOfTheme.Where(c => c.AnswerId == chosen.AnswerId).ToList();
        if (mine.Count == 0)
        {
            return (null, null);
        }
        var passage = mine.FirstOrDefault(c => c.PassageStart is not null);
        var text = passage is { PassageStart: { } start, PassageLength: { } length } && start >= 0 && length >= 0 && start <= chosen.Text.Length - length
            ? chosen.Text.Substring(start, length) : chosen.Text;
        return (text, chosen.ParticipantCode);
    }
}
