using Upward.Core.Bundles;
using Upward.Core.Questionnaires;
using Upward.Core.Themes;

namespace Upward.Core.Evaluation;

/// <summary>One theme's row of Table 1: participants per stage (in <see cref="ThemeFigures.Stages"/> order) and its quote, if any.</summary>
public sealed record ThemeRow(string Name, string Definition, string? Parent, IReadOnlyList<int> ParticipantsByStage, string? Quote, string? QuoteFrom);

/// <summary>
/// The study's Table 1 recomputed from a bundle, by the same <see cref="ThemesByStage"/> as the
/// report page: themes by stage with counts of participants and the chosen quote, which is shown
/// only when its author agreed to be quoted (the reader already refuses any other, this checks again).
/// </summary>
public sealed record ThemeFigures(IReadOnlyList<BundleStage> Stages, IReadOnlyList<ThemeRow> Rows)
{
    /// <summary>Table 1, or null when the bundle has no codebook (a version 1 bundle, or nothing coded yet).</summary>
    public static ThemeFigures? From(ResearchBundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (bundle.Themes.Count == 0)
        {
            return null;
        }
        var stageOf = bundle.Instruments.ToDictionary(i => (i.Key, i.Version), i => i.Stage);
        var stages = bundle.Instruments.Select(i => i.Stage).Distinct().OrderBy(BundleNames.StageOrder).ToList();
        var participants = bundle.Participants.ToDictionary(p => p.Code, StringComparer.Ordinal);

        // ThemesByStage works on ids, as in the database; the bundle names things, so give each an id here.
        var themes = bundle.Themes.ToDictionary(t => t.Name, t => new Theme { Name = t.Name, Definition = t.Definition }, StringComparer.Ordinal);
        foreach (var t in bundle.Themes.Where(t => t.Parent is not null))
        {
            themes[t.Name].ParentId = themes[t.Parent!].Id;
        }
        var answerIds = new Dictionary<BundleAnswerReference, Guid>();
        var facts = new Dictionary<Guid, ThemesByStage.AnswerFacts>();
        foreach (var a in bundle.Answers.Where(a => a.Text is not null && a.Domain is null))
        {
            var id = Guid.NewGuid();
            answerIds[new BundleAnswerReference(a.Participant, a.Instrument, a.InstrumentVersion, a.Item)] = id;
            facts[id] = new ThemesByStage.AnswerFacts(id, Name(stageOf[(a.Instrument, a.InstrumentVersion)]), a.Participant, participants[a.Participant].MayBeQuoted, a.Text!);
        }
        var codings = bundle.Codings.Where(c => answerIds.ContainsKey(c.Answer) && themes.ContainsKey(c.Theme)).Select(c => new Coding
        {
            AnswerId = answerIds[c.Answer], ThemeId = themes[c.Theme].Id, PassageStart = c.PassageStart, PassageLength = c.PassageLength,
        }).ToList();
        var quotes = bundle.Quotes.Where(q => answerIds.ContainsKey(q.Answer) && themes.ContainsKey(q.Theme))
            .ToDictionary(q => themes[q.Theme].Id, q => answerIds[q.Answer]);

        var names = themes.Values.ToDictionary(t => t.Id, t => t.Name);
        var rows = ThemesByStage.Build([.. themes.Values], codings, facts, stages.Select(Name).ToList(), quotes)
            .Select(r => new ThemeRow(r.Theme.Name, r.Theme.Definition, r.Theme.ParentId is { } p ? names[p] : null,
                stages.Select(s => r.ParticipantsByStage[Name(s)]).ToList(), r.Quote, r.QuoteFrom))
            .ToList();
        return new ThemeFigures(stages, rows);
    }

    /// <summary>A stage as the report page names it: "Before phase 1".</summary>
    public static string Name(BundleStage stage) => StageNames.Of(Enum.Parse<Stage>(stage.ToString()));
}
