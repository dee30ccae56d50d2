using Microsoft.EntityFrameworkCore;
using Upward.Core.Bundles;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;

namespace Upward.Data.Evaluation;

/// <summary>
/// The content analysis part of a programme's research bundle: redacted text in place of the original,
/// the codebook, every coder's codings merged (no coder is named: who coded is not research data and
/// could identify staff), the chosen quotes, and who agreed to be quoted. Works on the bundle
/// <see cref="BundleExport"/> has already built, so it only ever sees answers that may be used.
/// </summary>
public static class BundleContentExport
{
    public static async Task<ResearchBundle> AddAsync(UpwardDbContext db, Programme programme, ResearchBundle bundle, CancellationToken ct)
    {
        var mayQuote = await MayBeQuotedAsync(db, programme.Id, ct);
        var participants = bundle.Participants.Select(p => p with { MayBeQuoted = mayQuote.Contains(p.Code) }).ToList();
        var themes = await db.Themes.Where(t => t.ProgrammeId == programme.Id).ToListAsync(ct);
        var themeNames = themes.ToDictionary(t => t.Id, t => t.Name);
        var bundleThemes = themes.Select(t => new BundleTheme(t.Name, t.Definition, t.ParentId is { } p ? themeNames[p] : null)).ToList();

        var redactions = await db.AnswerRedactions.Where(r => r.ProgrammeId == programme.Id).Select(r => new { r.AnswerId, r.RedactedText }).ToListAsync(ct);
        var codings = await db.Codings.Where(c => c.ProgrammeId == programme.Id).ToListAsync(ct);
        var quotes = await db.RepresentativeQuotes.Where(q => q.ProgrammeId == programme.Id).ToListAsync(ct);
        if (redactions.Count == 0 && codings.Count == 0 && quotes.Count == 0)
        {
            // Nothing refers to a single answer: leave the (possibly millions of) answers untouched.
            return bundle with { Participants = participants, Themes = bundleThemes };
        }

        // Only the few answers that are redacted, coded or quoted are looked up, never the whole table.
        var touched = redactions.Select(r => r.AnswerId).Concat(codings.Select(c => c.AnswerId)).Concat(quotes.Select(q => q.AnswerId)).ToHashSet();
        var candidates = await CandidateReferencesAsync(db, programme.Id, bundle, touched, ct);
        var wanted = candidates.Values.ToHashSet();
        var texts = new Dictionary<BundleAnswerReference, string>();
        foreach (var a in bundle.Answers)
        {
            if (a.Domain is not null || a.Text is null) continue;
            var reference = Reference(a);
            if (wanted.Contains(reference)) texts[reference] = a.Text;
        }
        // An answer the bundle left out (no consent, erased) is not referred to at all.
        var refs = candidates.Where(c => texts.ContainsKey(c.Value)).ToDictionary(c => c.Key, c => c.Value);

        // Only the redacted text leaves Upward: the original, when kept, is for the coordinator alone.
        var redacted = redactions.Where(r => refs.ContainsKey(r.AnswerId)).ToDictionary(r => refs[r.AnswerId], r => r.RedactedText);
        foreach (var (reference, text) in redacted) texts[reference] = text;
        var answers = redacted.Count == 0
            ? bundle.Answers
            : bundle.Answers.Select(a => a.Domain is null && a.Text is not null && redacted.TryGetValue(Reference(a), out var text) ? a with { Text = text } : a).ToList();

        var bundleCodings = codings
            .Where(c => refs.ContainsKey(c.AnswerId) && themeNames.ContainsKey(c.ThemeId))
            .Select(c =>
            {
                var answer = refs[c.AnswerId];
                // A passage that no longer fits its text (coded before redaction moved passages) falls back to the whole answer, as Table 1 does.
                bool fits = c.PassageStart is int s && c.PassageLength is int l && s >= 0 && l >= 1 && s <= texts[answer].Length - l;
                return new BundleCoding(answer, themeNames[c.ThemeId], fits ? c.PassageStart : null, fits ? c.PassageLength : null);
            })
            .Distinct()
            .ToList();
        var coded = bundleCodings.Select(c => (c.Theme, c.Answer)).ToHashSet();

        // The same rule as Table 1: a quote only from someone who agreed, and only of an answer coded with its theme.
        var bundleQuotes = quotes
            .Where(q => refs.ContainsKey(q.AnswerId) && themeNames.ContainsKey(q.ThemeId))
            .Select(q => new BundleQuote(themeNames[q.ThemeId], refs[q.AnswerId]))
            .Where(q => mayQuote.Contains(q.Answer.Participant) && coded.Contains((q.Theme, q.Answer)))
            .ToList();

        return bundle with { Participants = participants, Answers = answers, Themes = bundleThemes, Codings = bundleCodings, Quotes = bundleQuotes };
    }

    private static BundleAnswerReference Reference(BundleAnswer a) => new(a.Participant, a.Instrument, a.InstrumentVersion, a.Item);

    /// <summary>Which bundle answer each of the <paramref name="touched"/> text answers would be, by its participant, questionnaire and item.</summary>
    private static async Task<Dictionary<Guid, BundleAnswerReference>> CandidateReferencesAsync(UpwardDbContext db, Guid programmeId, ResearchBundle bundle, HashSet<Guid> touched, CancellationToken ct)
    {
        var rows = await (
            from a in db.Answers
            join r in db.Responses on a.ResponseId equals r.Id
            join w in db.Waves on r.WaveId equals w.Id
            join i in db.InstrumentItems on a.ItemId equals i.Id
            join n in db.Instruments on r.InstrumentId equals n.Id
            join e in db.Enrolments on r.EnrolmentId equals e.Id
            // One parameter (an array), not one per id: EF Core 10 would otherwise send SQLite more than its 32,766 limit.
            where EF.Parameter(touched).Contains(a.Id) && w.ProgrammeId == programmeId && r.Status == ResponseStatus.Submitted && a.Text != null && a.Text != ""
            select new { a.Id, e.ParticipantCode, InstrumentKey = n.Key, n.Version, w.Stage, ItemKey = i.Key }).ToListAsync(ct);

        var instruments = bundle.Instruments.ToDictionary(i => (i.Key, i.Version));
        var refs = new Dictionary<Guid, BundleAnswerReference>();
        foreach (var row in rows)
        {
            var stage = Enum.Parse<BundleStage>(row.Stage.ToString());
            // BundleExport names a second wave of the same questionnaire version "key_stage"; find whichever it used.
            foreach (var key in new[] { row.InstrumentKey, $"{row.InstrumentKey}_{BundleNames.Of(stage)}" })
            {
                if (instruments.TryGetValue((key, row.Version), out var instrument) && instrument.Stage == stage)
                {
                    refs[row.Id] = new BundleAnswerReference(row.ParticipantCode, key, row.Version, row.ItemKey);
                    break;
                }
            }
        }
        return refs;
    }

    /// <summary>The codes of those whose latest word is that they may be quoted anonymously.</summary>
    private static async Task<HashSet<string>> MayBeQuotedAsync(UpwardDbContext db, Guid programmeId, CancellationToken ct)
    {
        // A join, not a list of codes or ids: a large programme has tens of thousands of participants.
        var decisions = await (from d in db.ConsentDecisions
                               join e in db.Enrolments on d.EnrolmentId equals e.Id
                               where e.ProgrammeId == programmeId && d.Purpose == ConsentPurpose.QuoteAnonymously
                               select new { e.ParticipantCode, Decision = new ConsentDecision { EnrolmentId = d.EnrolmentId, Purpose = d.Purpose, Given = d.Given, TextVersion = d.TextVersion, DecidedAtUtc = d.DecidedAtUtc } })
                               .ToListAsync(ct);
        return decisions.GroupBy(d => d.ParticipantCode, StringComparer.Ordinal)
            .Where(g => Consent.IsGiven(g.Select(d => d.Decision), ConsentPurpose.QuoteAnonymously))
            .Select(g => g.Key)
            .ToHashSet(StringComparer.Ordinal);
    }
}
