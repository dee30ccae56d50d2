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
        var refs = await AnswerReferencesAsync(db, programme.Id, bundle, ct);

        // Only the redacted text leaves Upward: the original, when kept, is for the coordinator alone.
        var redacted = (await db.AnswerRedactions.Where(r => r.ProgrammeId == programme.Id).Select(r => new { r.AnswerId, r.RedactedText }).ToListAsync(ct))
            .Where(r => refs.ContainsKey(r.AnswerId))
            .ToDictionary(r => refs[r.AnswerId], r => r.RedactedText);
        var answers = bundle.Answers.Select(a => a.Domain is null && a.Text is not null && redacted.TryGetValue(Reference(a), out var text) ? a with { Text = text } : a).ToList();
        var texts = answers.Where(a => a.Domain is null && a.Text is not null).ToDictionary(Reference, a => a.Text!);

        var mayQuote = await MayBeQuotedAsync(db, programme.Id, bundle.Participants.Select(p => p.Code).ToList(), ct);
        var participants = bundle.Participants.Select(p => p with { MayBeQuoted = mayQuote.Contains(p.Code) }).ToList();

        var themes = await db.Themes.Where(t => t.ProgrammeId == programme.Id).ToListAsync(ct);
        var themeNames = themes.ToDictionary(t => t.Id, t => t.Name);
        var bundleThemes = themes.Select(t => new BundleTheme(t.Name, t.Definition, t.ParentId is { } p ? themeNames[p] : null)).ToList();

        var codings = (await db.Codings.Where(c => c.ProgrammeId == programme.Id).ToListAsync(ct))
            .Where(c => refs.ContainsKey(c.AnswerId) && themeNames.ContainsKey(c.ThemeId))
            .Select(c =>
            {
                var answer = refs[c.AnswerId];
                // A passage that no longer fits its text (coded before redaction moved passages) falls back to the whole answer, as Table 1 does.
                bool fits = c.PassageStart is int s && c.PassageLength is int l && s >= 0 && l >= 1 && s + l <= texts[answer].Length;
                return new BundleCoding(answer, themeNames[c.ThemeId], fits ? c.PassageStart : null, fits ? c.PassageLength : null);
            })
            .Distinct()
            .ToList();
        var coded = codings.Select(c => (c.Theme, c.Answer)).ToHashSet();

        // The same rule as Table 1: a quote only from someone who agreed, and only of an answer coded with its theme.
        var quotes = (await db.RepresentativeQuotes.Where(q => q.ProgrammeId == programme.Id).ToListAsync(ct))
            .Where(q => refs.ContainsKey(q.AnswerId) && themeNames.ContainsKey(q.ThemeId))
            .Select(q => new BundleQuote(themeNames[q.ThemeId], refs[q.AnswerId]))
            .Where(q => mayQuote.Contains(q.Answer.Participant) && coded.Contains((q.Theme, q.Answer)))
            .ToList();

        return bundle with { Participants = participants, Answers = answers, Themes = bundleThemes, Codings = codings, Quotes = quotes };
    }

    private static BundleAnswerReference Reference(BundleAnswer a) => new(a.Participant, a.Instrument, a.InstrumentVersion, a.Item);

    /// <summary>Which bundle answer each text answer in the database became, for those the bundle holds.</summary>
    private static async Task<Dictionary<Guid, BundleAnswerReference>> AnswerReferencesAsync(UpwardDbContext db, Guid programmeId, ResearchBundle bundle, CancellationToken ct)
    {
        var rows = await (
            from a in db.Answers
            join r in db.Responses on a.ResponseId equals r.Id
            join w in db.Waves on r.WaveId equals w.Id
            join i in db.InstrumentItems on a.ItemId equals i.Id
            join n in db.Instruments on r.InstrumentId equals n.Id
            join e in db.Enrolments on r.EnrolmentId equals e.Id
            where w.ProgrammeId == programmeId && r.Status == ResponseStatus.Submitted && a.Text != null && a.Text != ""
            select new { a.Id, e.ParticipantCode, InstrumentKey = n.Key, n.Version, w.Stage, ItemKey = i.Key }).ToListAsync(ct);

        var held = bundle.Answers.Where(a => a.Domain is null && a.Text is not null).Select(Reference).ToHashSet();
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
                    var reference = new BundleAnswerReference(row.ParticipantCode, key, row.Version, row.ItemKey);
                    if (held.Contains(reference)) refs[row.Id] = reference;
                    break;
                }
            }
        }
        return refs;
    }

    private static async Task<HashSet<string>> MayBeQuotedAsync(UpwardDbContext db, Guid programmeId, List<string> codes, CancellationToken ct)
    {
        var enrolments = await db.Enrolments.Where(e => e.ProgrammeId == programmeId && codes.Contains(e.ParticipantCode)).Select(e => new { e.Id, e.ParticipantCode }).ToListAsync(ct);
        var ids = enrolments.Select(e => e.Id).ToList();
        var decisions = (await db.ConsentDecisions.Where(d => ids.Contains(d.EnrolmentId)).ToListAsync(ct)).ToLookup(d => d.EnrolmentId);
        return enrolments.Where(e => Consent.IsGiven(decisions[e.Id], ConsentPurpose.QuoteAnonymously)).Select(e => e.ParticipantCode).ToHashSet(StringComparer.Ordinal);
    }
}
