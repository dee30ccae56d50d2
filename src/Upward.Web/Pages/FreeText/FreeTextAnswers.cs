using Microsoft.EntityFrameworkCore;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Core.Themes;
using Upward.Data;
using Upward.Data.People;

namespace Upward.Web.Pages.FreeText;

/// <summary>
/// One free-text answer as a researcher may see it: participant code and role, never a name; the
/// redacted text when there is one. <see cref="Original"/> is filled only for a caller allowed to read it.
/// </summary>
public sealed record FreeTextAnswer(
    Guid AnswerId, string QuestionKey, string Question, Stage Stage, string ParticipantCode, ProgrammeRole Role,
    string Text, bool Redacted, string? Original, bool MayQuote);

/// <summary>
/// The free-text answers of a programme that may be analysed: submitted, from participants whose
/// consent to the use of their answers in the evaluation is in force and who did not ask for erasure.
/// Every free-text page reads answers through here, so those rules live in one place.
/// </summary>
public sealed partial class FreeTextAnswers(UpwardDbContext db)
{
    /// <summary>Every answer that may be analysed, in stage, question and participant order.</summary>
    public Task<IReadOnlyList<FreeTextAnswer>> ListAsync(Guid programmeId, bool withOriginals, CancellationToken ct) =>
        ReadAsync(InListOrder(Rows(programmeId)), withOriginals, ct);

    /// <summary>
    /// The answers some coder has coded: all that Table 1 and its quotes are built from, so a large
    /// programme's uncoded answers (and their text) are never read for them.
    /// </summary>
    public Task<IReadOnlyList<FreeTextAnswer>> CodedAsync(Guid programmeId, CancellationToken ct)
    {
        var coded = CodedIds(c => c.ProgrammeId == programmeId);
        return ReadAsync(InListOrder(Rows(programmeId).Where(r => coded.Contains(r.Id))), withOriginals: false, ct);
    }

    /// <summary>
    /// One page of the answers coded under one theme (the candidates for its representative quote), in the
    /// list's order: a theme of a large programme can carry thousands.
    /// </summary>
    public Task<(Paging.ListPage Page, IReadOnlyList<FreeTextAnswer> Answers)> CodedUnderAsync(
        Guid programmeId, Guid themeId, int pageNumber, int pageSize, CancellationToken ct)
    {
        var coded = CodedIds(c => c.ThemeId == themeId);
        return PageOfAsync(programmeId, Rows(programmeId).Where(r => coded.Contains(r.Id)), withOriginals: false, pageNumber, pageSize, ct, countInMemory: true);
    }

    /// <summary>One answer coded under the theme, or null when it is not one (or not one that may be analysed).</summary>
    public async Task<FreeTextAnswer?> FindCodedUnderAsync(Guid programmeId, Guid themeId, Guid answerId, CancellationToken ct)
    {
        var coded = CodedIds(c => c.ThemeId == themeId);
        return (await ReadAsync(Rows(programmeId).Where(r => r.Id == answerId && coded.Contains(r.Id)), withOriginals: false, ct)).SingleOrDefault();
    }

    /// <summary>
    /// The ids of the answers carrying the codings chosen, as one list the database builds once. Asked as
    /// "does this answer have a coding of the theme" for every answer, SQLite walked the theme's codings
    /// once per answer: minutes for a programme of thousands. (Kept in a local before use: EF cannot
    /// translate a call to this method inside a query.)
    /// </summary>
    private IQueryable<Guid> CodedIds(System.Linq.Expressions.Expression<Func<Coding, bool>> which) =>
        db.Codings.Where(which).Select(c => c.AnswerId);

    /// <summary>
    /// The first answer after <paramref name="current"/> in the list's order that the coder has not finished, wrapping
    /// round to the start; never the current answer itself, and null when every other answer is finished. The list
    /// holds each question's answers together, so it is asked question by question, each by the answers' item index,
    /// starting from the current one: a few thousand answers at most are looked at while the question has work left,
    /// and neither the programme's answers nor the coder's finished ones are ever read whole.
    /// </summary>
    public async Task<Guid?> NextUnfinishedAsync(Guid programmeId, FreeTextAnswer current, Guid coderEnrolmentId, CancellationToken ct)
    {
        var finished = db.CodingsFinished.Where(f => f.ProgrammeId == programmeId && f.CoderEnrolmentId == coderEnrolmentId).Select(f => f.AnswerId);
        var open = (await ConsentedAsync(programmeId, Rows(programmeId), ct)).Where(r => !finished.Contains(r.Id) && r.Id != current.AnswerId);
        var collation = db.OrdinalCollation;

        async Task<Guid?> FirstAsync(QuestionGroup question, string? codeAfter = null, string? codeUpTo = null)
        {
            var items = question.Items;
            var rows = open.Where(r => r.Stage == question.Stage && items.Contains(r.ItemId));
            if (codeAfter is not null) rows = rows.Where(r => string.Compare(EF.Functions.Collate(r.ParticipantCode, collation), codeAfter) > 0);
            if (codeUpTo is not null) rows = rows.Where(r => string.Compare(EF.Functions.Collate(r.ParticipantCode, collation), codeUpTo) <= 0);
            return await InListOrder(rows).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        }

        var questions = await QuestionGroupsAsync(programmeId, ct);
        var at = questions.FindIndex(q => q.Stage == current.Stage && q.Key == current.QuestionKey);
        if (at < 0)
        {
            return null;
        }
        // Later in this question, then the later questions, then round to the first ones, then earlier in this question.
        if (await FirstAsync(questions[at], codeAfter: current.ParticipantCode) is { } next) return next;
        foreach (var question in questions.Skip(at + 1).Concat(questions.Take(at)))
        {
            if (await FirstAsync(question) is { } found) return found;
        }
        return await FirstAsync(questions[at], codeUpTo: current.ParticipantCode);
    }

    /// <summary>A question as the list holds its answers together: a stage and question key, and the items asked under them (mentors' and mentees' alike).</summary>
    private sealed record QuestionGroup(Stage Stage, string Key, List<Guid> Items);

    /// <summary>The programme's free-text questions in the list's order (stage, then question key by code point).</summary>
    private async Task<List<QuestionGroup>> QuestionGroupsAsync(Guid programmeId, CancellationToken ct)
    {
        var items = await (from w in db.Waves
                           join i in db.InstrumentItems on w.InstrumentId equals i.InstrumentId
                           where w.ProgrammeId == programmeId && (i.Type == ItemType.FreeText || i.Type == ItemType.YesNo)
                           select new { w.Stage, i.Key, i.Id }).ToListAsync(ct);
        return items.GroupBy(i => (i.Stage, i.Key)).OrderBy(g => g.Key.Stage).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new QuestionGroup(g.Key.Stage, g.Key.Key, g.Select(i => i.Id).Distinct().ToList())).ToList();
    }

    /// <summary>
    /// The list's order, defined once: stage, question key, participant code (text compared by code point, as
    /// <see cref="UpwardDbContext.OrdinalCollation"/> says, so PostgreSQL's locale cannot change it), then the answer.
    /// </summary>
    private IQueryable<Row> InListOrder(IQueryable<Row> rows)
    {
        var collation = db.OrdinalCollation;
        return rows.OrderBy(r => r.Stage).ThenBy(r => EF.Functions.Collate(r.Key, collation))
            .ThenBy(r => EF.Functions.Collate(r.ParticipantCode, collation)).ThenBy(r => r.Id);
    }

    /// <summary>One answer by id, or null when it is not one the programme's researchers may see (which pages turn into 404).</summary>
    public async Task<FreeTextAnswer?> FindAsync(Guid programmeId, Guid answerId, bool withOriginals, CancellationToken ct) =>
        (await ReadAsync(Rows(programmeId).Where(r => r.Id == answerId), withOriginals, ct)).SingleOrDefault();

    /// <summary>The answers among <paramref name="answerIds"/> that the programme's researchers may see now (chosen quotes, say); the rest are left out.</summary>
    public Task<IReadOnlyList<FreeTextAnswer>> FindManyAsync(Guid programmeId, IReadOnlyCollection<Guid> answerIds, CancellationToken ct) =>
        ReadAsync(Rows(programmeId).Where(r => answerIds.Contains(r.Id)), withOriginals: false, ct);

    /// <summary>
    /// One page of the answers, optionally only those whose words (as shown) or participant code
    /// contain <paramref name="term"/> (from <see cref="Paging.ListSearch.Term"/>). Consent is settled
    /// first, so the count and the page hold only answers that may be analysed.
    /// </summary>
    public async Task<(Paging.ListPage Page, IReadOnlyList<FreeTextAnswer> Answers)> PageAsync(
        Guid programmeId, bool withOriginals, int pageNumber, int pageSize, string? term, Guid? question, CancellationToken ct)
    {
        var rows = Rows(programmeId);
        if (question is { } itemId)
        {
            // One question's answers, found by the answers' item index: a tenth of a large programme's list, or less.
            rows = rows.Where(r => r.ItemId == itemId);
        }
        if (term is not null)
        {
            // First what the answer's own row can settle (its words as written, its redaction's, its participant's
            // responses), so the database joins only likely matches: a search read and joined all 57,500 answers of a
            // large programme before looking at their words. Only a narrowing: the test after it, on the words as
            // shown, decides, so a redacted word never finds its answer.
            var redactedMatches = db.AnswerRedactions.Where(x => x.RedactedText.ToLower().Contains(term)).Select(x => x.AnswerId);
            var codeMatches = db.Responses.Where(r => db.Enrolments.Any(e => e.Id == r.EnrolmentId && e.ProgrammeId == programmeId
                && e.ParticipantCode.ToLower().Contains(term))).Select(r => r.Id);
            rows = rows.Where(r => r.Text!.ToLower().Contains(term) || redactedMatches.Contains(r.Id) || codeMatches.Contains(r.ResponseId))
                .Where(r => (r.Redaction != null ? r.Redaction.RedactedText : r.Text)!.ToLower().Contains(term)
                    || r.ParticipantCode.ToLower().Contains(term));
        }
        // A search narrows every question's list, cheaper to order at once than to find again in each question the
        // page crosses. It reads every answer's words whatever it finds, so its matches are counted from the one
        // ordered read rather than by reading every answer again (11,500 of 57,500 matched a common word).
        return question is null && term is null
            ? await PageByQuestionAsync(programmeId, rows, withOriginals, pageNumber, pageSize, ct)
            : await PageOfAsync(programmeId, rows, withOriginals, pageNumber, pageSize, ct, countInMemory: term is not null);
    }

    /// <summary>
    /// A page of every question's answers, found a question at a time: the list is in question order, so
    /// each question's count says which one or two questions the page falls in, and only their answers are
    /// put in order. Ordering all of a large programme's 57,500 answers for every page took 1.5 s on SQLite.
    /// </summary>
    private async Task<(Paging.ListPage Page, IReadOnlyList<FreeTextAnswer> Answers)> PageByQuestionAsync(
        Guid programmeId, IQueryable<Row> rows, bool withOriginals, int pageNumber, int pageSize, CancellationToken ct)
    {
        rows = await ConsentedAsync(programmeId, rows, ct);
        var counted = await rows.GroupBy(r => new { r.Stage, r.Key }).Select(g => new { g.Key.Stage, g.Key.Key, Count = g.Count() }).ToListAsync(ct);
        // The list's order of questions (InListOrder): stage, then key by code point, as QuestionGroupsAsync.
        var questions = counted.OrderBy(q => q.Stage).ThenBy(q => q.Key, StringComparer.Ordinal).ToList();
        var page = Paging.ListPage.Of(pageNumber, pageSize, questions.Sum(q => q.Count));
        var ids = new List<Guid>(page.Size);
        var skip = page.Skip;
        foreach (var question in questions)
        {
            if (ids.Count == page.Size) break;
            if (skip >= question.Count)
            {
                skip -= question.Count;
                continue;
            }
            var (stage, key) = (question.Stage, question.Key);
            ids.AddRange(await InListOrder(rows.Where(r => r.Stage == stage && r.Key == key)).Select(r => r.Id)
                .Skip(skip).Take(page.Size - ids.Count).ToListAsync(ct));
            skip = 0;
        }
        return (page, await ShownInOrderAsync(programmeId, ids, withOriginals, ct));
    }

    /// <summary>One page of the rows in the list's order. Consent is settled first, so the count and the page hold only answers that may be analysed.</summary>
    /// <param name="countInMemory">
    /// Read every id in order and count and page them here, in one query instead of a count and a page: for a
    /// list bounded by something small (a theme's codings, a few thousand), where both queries would join the
    /// same rows, or a search, where both would read every answer's words. Not for a programme's whole list.
    /// </param>
    private async Task<(Paging.ListPage Page, IReadOnlyList<FreeTextAnswer> Answers)> PageOfAsync(
        Guid programmeId, IQueryable<Row> rows, bool withOriginals, int pageNumber, int pageSize, CancellationToken ct, bool countInMemory = false)
    {
        rows = await ConsentedAsync(programmeId, rows, ct);
        // The page's ids first, then only those answers' words: putting thousands of answers in order then
        // needs their keys alone, which PostgreSQL reads from its index of answers with words
        // (PostgresUpwardDbContext.AnswersWithWordsIndex) without touching the answers table.
        var ordered = InListOrder(rows).Select(r => r.Id);
        Paging.ListPage page;
        List<Guid> ids;
        if (countInMemory)
        {
            var all = await ordered.ToListAsync(ct);
            page = Paging.ListPage.Of(pageNumber, pageSize, all.Count);
            ids = [.. all.Skip(page.Skip).Take(page.Size)];
        }
        else
        {
            page = Paging.ListPage.Of(pageNumber, pageSize, await rows.CountAsync(ct));
            ids = await ordered.Skip(page.Skip).Take(page.Size).ToListAsync(ct);
        }
        return (page, await ShownInOrderAsync(programmeId, ids, withOriginals, ct));
    }

    /// <summary>The answers with these ids, in the ids' order.</summary>
    private async Task<IReadOnlyList<FreeTextAnswer>> ShownInOrderAsync(Guid programmeId, List<Guid> ids, bool withOriginals, CancellationToken ct)
    {
        var shown = (await ReadAsync(Rows(programmeId).Where(r => ids.Contains(r.Id)), withOriginals, ct)).ToDictionary(a => a.AnswerId);
        return [.. ids.Where(shown.ContainsKey).Select(id => shown[id])];
    }

    /// <summary>A question with free-text answers (or a yes/no question's follow-up), as the list's filter offers it.</summary>
    public sealed record Question(Guid ItemId, Stage Stage, ProgrammeRole Audience, string Text);

    /// <summary>The programme's free-text questions in stage and questionnaire order: read from the questionnaires, not the answers.</summary>
    public async Task<IReadOnlyList<Question>> QuestionsAsync(Guid programmeId, CancellationToken ct)
    {
        var items = await (from w in db.Waves
                           join i in db.InstrumentItems on w.InstrumentId equals i.InstrumentId
                           where w.ProgrammeId == programmeId && (i.Type == ItemType.FreeText || i.Type == ItemType.YesNo)
                           select new { i.Id, w.Stage, w.Audience, i.Position, i.Type, i.Text, i.FollowUpText }).ToListAsync(ct);
        return items.OrderBy(i => i.Stage).ThenBy(i => i.Audience).ThenBy(i => i.Position)
            .DistinctBy(i => i.Id)
            .Select(i => new Question(i.Id, i.Stage, i.Audience, i.Type == ItemType.YesNo ? i.FollowUpText ?? i.Text : i.Text)).ToList();
    }

    /// <summary>The first of <paramref name="questions"/> that has an answer with words in it, or null when none has.</summary>
    public async Task<Guid?> FirstAnsweredAsync(Guid programmeId, IEnumerable<Question> questions, CancellationToken ct)
    {
        foreach (var question in questions)
        {
            // By the answers' item index: the first question's check usually settles it.
            if (await Rows(programmeId).AnyAsync(r => r.ItemId == question.ItemId, ct))
            {
                return question.ItemId;
            }
        }
        return null;
    }

    /// <summary>
    /// The rows whose participant's consent to the use of their answers is in force, asked as "decided, and
    /// not withheld" (see <see cref="ConsentInForce.WithheldAsync"/>): the list sent is the few who withheld
    /// it, not the thousands who gave it, which PostgreSQL took longer to plan than to run the query.
    /// </summary>
    private async Task<IQueryable<Row>> ConsentedAsync(Guid programmeId, IQueryable<Row> rows, CancellationToken ct)
    {
        const ConsentPurpose purpose = ConsentPurpose.UseAnswersInEvaluation;
        var withheld = await db.WithheldAsync(programmeId, purpose, ct);
        // "Decided" as a correlated EXISTS on the decisions' (enrolment, purpose) index: as an IN over every
        // decision, SQLite made the decisions the outer loop of the query. One array parameter for the withheld.
        return rows.Where(r => db.ConsentDecisions.Any(d => d.EnrolmentId == r.EnrolmentId && d.Purpose == purpose)
            && !EF.Parameter(withheld).Contains(r.EnrolmentId));
    }

    /// <summary>An answer as the query reads it, before consent and redaction are applied.</summary>
    private sealed class Row
    {
        public Guid Id { get; init; }
        public Guid ResponseId { get; init; }
        public Guid ItemId { get; init; }
        public string? Text { get; init; }
        public string Key { get; init; } = "";
        public ItemType Type { get; init; }
        public string QuestionText { get; init; } = "";
        public string? FollowUpText { get; init; }
        public Stage Stage { get; init; }
        public string ParticipantCode { get; init; } = "";
        public ProgrammeRole Role { get; init; }
        public Guid EnrolmentId { get; init; }
        public AnswerRedaction? Redaction { get; init; }
    }

    /// <summary>
    /// The programme's submitted free-text answers (and yes/no follow-ups) with words in them, from
    /// participants who did not ask for erasure: the one query every reader narrows.
    /// </summary>
    private IQueryable<Row> Rows(Guid programmeId) =>
        from a in db.Answers
        join r in db.Responses on a.ResponseId equals r.Id
        join w in db.Waves on r.WaveId equals w.Id
        join i in db.InstrumentItems on a.ItemId equals i.Id
        join e in db.Enrolments on r.EnrolmentId equals e.Id
        // A plain left join on the redaction's key: asked for as FirstOrDefault, EF numbered every redaction in a subquery first.
        from x in db.AnswerRedactions.Where(x => x.AnswerId == a.Id).DefaultIfEmpty()
        where w.ProgrammeId == programmeId && r.Status == ResponseStatus.Submitted
            // As a list of items, so the database reads each response's few free-text answers by the
            // (response, item) index rather than every answer of every response.
            && db.InstrumentItems.Where(x => x.Type == ItemType.FreeText || x.Type == ItemType.YesNo).Select(x => x.Id).Contains(a.ItemId)
            && a.Text != null && a.Text != ""
            && !(e.Status == EnrolmentStatus.Withdrawn && e.WithdrawalChoice == WithdrawalChoice.Erase)
        select new Row
        {
            Id = a.Id, ResponseId = a.ResponseId, ItemId = a.ItemId, Text = a.Text, Key = i.Key, Type = i.Type, QuestionText = i.Text, FollowUpText = i.FollowUpText, Stage = w.Stage,
            ParticipantCode = e.ParticipantCode, Role = e.Role, EnrolmentId = e.Id,
            Redaction = x,
        };

    /// <summary>The rows read, in the query's order, kept only where consent to their use is in force, with redactions applied.</summary>
    private async Task<IReadOnlyList<FreeTextAnswer>> ReadAsync(IQueryable<Row> query, bool withOriginals, CancellationToken ct)
    {
        var rows = await query.AsNoTracking().ToListAsync(ct);
        var enrolmentIds = rows.Select(r => r.EnrolmentId).Distinct().ToList();
        // Only the two purposes read below: a participant's other decisions are most of their history.
        var decisions = (await db.ConsentDecisions.AsNoTracking()
            .Where(d => (d.Purpose == ConsentPurpose.UseAnswersInEvaluation || d.Purpose == ConsentPurpose.QuoteAnonymously)
                && EF.Parameter(enrolmentIds).Contains(d.EnrolmentId))
            .ToListAsync(ct)).ToLookup(d => d.EnrolmentId);

        var list = new List<FreeTextAnswer>();
        foreach (var row in rows)
        {
            var history = decisions[row.EnrolmentId].ToList();
            if (!Consent.IsGiven(history, ConsentPurpose.UseAnswersInEvaluation))
            {
                continue;
            }
            var question = row.Type == ItemType.YesNo ? row.FollowUpText ?? row.QuestionText : row.QuestionText;
            var text = row.Redaction?.RedactedText ?? row.Text!;
            var original = withOriginals && row.Redaction is { OriginalKeptForCoordinator: true } ? row.Text : null;
            list.Add(new FreeTextAnswer(row.Id, row.Key, question, row.Stage, row.ParticipantCode, row.Role, text, row.Redaction is not null, original,
                Consent.IsGiven(history, ConsentPurpose.QuoteAnonymously)));
        }
        return list;
    }

    /// <summary>The researcher's own enrolment in the programme: codings and redactions are recorded under it, never under a name.</summary>
    public Task<Guid> EnrolmentOfAsync(Guid programmeId, Guid userId, IEnumerable<ProgrammeRole> roles, CancellationToken ct)
    {
        var allowed = roles.ToList();
        return db.Enrolments.Where(e => e.ProgrammeId == programmeId && e.UserId == userId && e.Status != EnrolmentStatus.Withdrawn && allowed.Contains(e.Role))
            .OrderBy(e => e.Role == ProgrammeRole.Researcher ? 0 : 1).Select(e => e.Id).FirstAsync(ct);
    }

    /// <summary>The programme's stages in method order (columns of Table 1).</summary>
    public async Task<IReadOnlyList<Stage>> StagesAsync(Guid programmeId, CancellationToken ct) =>
        (await db.Waves.Where(w => w.ProgrammeId == programmeId).Select(w => w.Stage).Distinct().ToListAsync(ct)).Order().ToList();
}
