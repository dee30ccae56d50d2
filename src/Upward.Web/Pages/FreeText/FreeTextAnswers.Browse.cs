using Microsoft.EntityFrameworkCore;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Pages.FreeText;

/// <summary>One page of every question's answers as browsed: the answers, and where the pages before and after it start.</summary>
/// <param name="Previous">The answer the page before ends just before (the first shown), or null when this is the first page.</param>
/// <param name="Next">The answer the page after starts just after (the last shown), or null when this is the last page.</param>
public sealed record BrowsedAnswers(IReadOnlyList<FreeTextAnswer> Answers, Guid? Previous, Guid? Next);

public sealed partial class FreeTextAnswers
{
    /// <summary>
    /// A page of every question's answers in the list's order, found from a neighbouring answer rather than by
    /// counting: the page after <paramref name="after"/>, the page before <paramref name="before"/>, or the first
    /// page. A large programme's every-question list is tens of thousands of answers, and counting them on each
    /// view (to number its pages) cost a quarter of a second on SQLite; this costs the same on any page.
    /// An answer that may no longer be read (its speaker since withdrew consent) still marks its place in the list;
    /// one that is not the programme's starts at the first page.
    /// </summary>
    public async Task<BrowsedAnswers> BrowseAsync(Guid programmeId, bool withOriginals, Guid? after, Guid? before, int pageSize, CancellationToken ct)
    {
        var questions = await QuestionGroupsAsync(programmeId, ct);
        var walk = new Walk(db, programmeId, await ConsentedAsync(programmeId, Rows(programmeId), ct), questions);

        async Task<BrowsedAnswers> ShowAsync(IEnumerable<Place> places, bool first, bool last)
        {
            var ids = places.Select(p => p.AnswerId).ToList();
            return new(await ShownInOrderAsync(programmeId, ids, withOriginals, ct), first || ids.Count == 0 ? null : ids[0], last || ids.Count == 0 ? null : ids[^1]);
        }

        // The page ending just before an answer (or at the list's end), found going back: one more than a page is
        // asked for, to know whether a page lies before it. Nearer the start than a whole page, it is the first page.
        async Task<BrowsedAnswers?> EndingAtAsync(Place? end)
        {
            var earlier = await walk.TakeAsync(end, forward: false, pageSize + 1, ct);
            if (earlier.Count <= pageSize)
            {
                return null;
            }
            earlier.Reverse();
            return await ShowAsync(earlier.Skip(1), first: false, last: end is null);
        }

        // The page starting just after an answer (or at the list's start), with one more asked for to know whether a page lies after it.
        async Task<BrowsedAnswers> StartingAfterAsync(Place? start)
        {
            var later = await walk.TakeAsync(start, forward: true, pageSize + 1, ct);
            return await ShowAsync(later.Take(pageSize), first: start is null, last: later.Count <= pageSize);
        }

        if (before is { } beforeId)
        {
            var end = await walk.PlaceOfAsync(beforeId, ct);
            return (end is null ? null : await EndingAtAsync(end)) ?? await StartingAfterAsync(null);
        }
        var start = after is { } afterId ? await walk.PlaceOfAsync(afterId, ct) : null;
        var page = await StartingAfterAsync(start);
        // Nothing after it now (the answers after it since withdrawn): the last page, rather than an empty one.
        return page.Answers.Count == 0 && start is not null ? await EndingAtAsync(null) ?? await StartingAfterAsync(null) : page;
    }

    /// <summary>Where an answer stands in the list's order: its question (an index into the list's questions) and participant code.</summary>
    private sealed record Place(Guid AnswerId, int Question, string Code);

    /// <summary>
    /// Steps through the list a question at a time, and through a question by participant code: the next few
    /// participants in code order (from the enrolments' programme-and-code index), then only their answers to
    /// the question. A page reads a few dozen participants' answers instead of putting a whole question in order.
    /// </summary>
    private sealed class Walk(UpwardDbContext db, Guid programmeId, IQueryable<Row> rows, List<QuestionGroup> questions)
    {
        /// <summary>The place of one of the programme's answers to a free-text question, whether or not it may still be read; null when it is none.</summary>
        public async Task<Place?> PlaceOfAsync(Guid answerId, CancellationToken ct)
        {
            var found = await (from a in db.Answers
                               join r in db.Responses on a.ResponseId equals r.Id
                               join w in db.Waves on r.WaveId equals w.Id
                               join i in db.InstrumentItems on a.ItemId equals i.Id
                               join e in db.Enrolments on r.EnrolmentId equals e.Id
                               where a.Id == answerId && w.ProgrammeId == programmeId
                               select new { w.Stage, i.Key, e.ParticipantCode }).FirstOrDefaultAsync(ct);
            var question = found is null ? -1 : questions.FindIndex(q => q.Stage == found.Stage && q.Key == found.Key);
            return question < 0 ? null : new(answerId, question, found!.ParticipantCode);
        }

        /// <summary>Up to <paramref name="count"/> places after (or before) <paramref name="from"/>, nearest first; from the start (or the end) when it is null.</summary>
        public async Task<List<Place>> TakeAsync(Place? from, bool forward, int count, CancellationToken ct)
        {
            var taken = new List<Place>(count);
            var question = from?.Question ?? (forward ? 0 : questions.Count - 1);
            for (; question >= 0 && question < questions.Count && taken.Count < count; question += forward ? 1 : -1)
            {
                var within = from is not null && from.Question == question ? from : null;
                taken.AddRange(await InQuestionAsync(question, within, forward, count - taken.Count, ct));
            }
            return taken;
        }

        private async Task<List<Place>> InQuestionAsync(int question, Place? from, bool forward, int count, CancellationToken ct)
        {
            var (stage, items) = (questions[question].Stage, questions[question].Items);
            // A question nobody has answered yet would otherwise be walked participant by participant to its end.
            if (!await db.Answers.AnyAsync(a => items.Contains(a.ItemId) && a.Text != null && a.Text != "", ct))
            {
                return [];
            }
            var collation = db.OrdinalCollation;
            var atStage = db.Responses.Where(r => r.Status == ResponseStatus.Submitted
                && db.Waves.Any(w => w.Id == r.WaveId && w.ProgrammeId == programmeId && w.Stage == stage));
            var taken = new List<Place>(count);
            var code = from?.Code;
            // The code's own participant first: they may have more answers to the question beyond the one we start from.
            var inclusive = from is not null;
            for (var batch = Math.Max(count * 2, 32); taken.Count < count; batch *= 4)
            {
                // Only those who answered at the question's stage: a question put to mentors alone would otherwise be
                // found by walking every mentee's code too, a batch at a time.
                var people = db.Enrolments.Where(e => e.ProgrammeId == programmeId && atStage.Any(r => r.EnrolmentId == e.Id));
                if (code is not null)
                {
                    people = (forward, inclusive) switch
                    {
                        (true, true) => people.Where(e => string.Compare(EF.Functions.Collate(e.ParticipantCode, collation), code) >= 0),
                        (true, false) => people.Where(e => string.Compare(EF.Functions.Collate(e.ParticipantCode, collation), code) > 0),
                        (false, true) => people.Where(e => string.Compare(EF.Functions.Collate(e.ParticipantCode, collation), code) <= 0),
                        (false, false) => people.Where(e => string.Compare(EF.Functions.Collate(e.ParticipantCode, collation), code) < 0),
                    };
                }
                var ordered = forward ? people.OrderBy(e => EF.Functions.Collate(e.ParticipantCode, collation))
                    : people.OrderByDescending(e => EF.Functions.Collate(e.ParticipantCode, collation));
                var next = await ordered.Select(e => new { e.Id, e.ParticipantCode }).Take(batch).ToListAsync(ct);
                if (next.Count == 0)
                {
                    break;
                }
                // Their responses at the stage, then the answers in those: asked as one query, the database read the
                // question's every answer (by the answers' item index) to find the few dozen participants'.
                var ids = next.Select(e => e.Id).ToList();
                var responses = await atStage.Where(r => EF.Parameter(ids).Contains(r.EnrolmentId)).Select(r => r.Id).ToListAsync(ct);
                var answers = await rows.Where(r => EF.Parameter(responses).Contains(r.ResponseId) && items.Contains(r.ItemId))
                    .Select(r => new { r.Id, r.ParticipantCode }).ToListAsync(ct);
                // Put in order here, by code point as the list's order is (see InListOrder): a batch is a few dozen answers.
                var inOrder = forward
                    ? answers.OrderBy(a => a.ParticipantCode, StringComparer.Ordinal).ThenBy(a => a.Id)
                    : answers.OrderByDescending(a => a.ParticipantCode, StringComparer.Ordinal).ThenByDescending(a => a.Id);
                taken.AddRange(inOrder.Where(a => from is null || IsBeyond(a.ParticipantCode, a.Id, from, forward))
                    .Select(a => new Place(a.Id, question, a.ParticipantCode)).Take(count - taken.Count));
                if (next.Count < batch)
                {
                    break;
                }
                code = next[^1].ParticipantCode;
                inclusive = false;
            }
            return taken;
        }

        /// <summary>True when the answer comes after <paramref name="from"/> (before it, going back) in the list's order within one question.</summary>
        private static bool IsBeyond(string code, Guid id, Place from, bool forward)
        {
            var byCode = string.CompareOrdinal(code, from.Code);
            // Guid's order is its text's, as SQLite orders the ids it keeps as text and PostgreSQL orders uuids.
            var order = byCode != 0 ? byCode : id.CompareTo(from.AnswerId);
            return forward ? order > 0 : order < 0;
        }
    }
}
