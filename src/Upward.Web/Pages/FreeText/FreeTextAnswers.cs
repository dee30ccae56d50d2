using Microsoft.EntityFrameworkCore;
using Upward.Core.People;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;

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
public sealed class FreeTextAnswers(UpwardDbContext db)
{
    public async Task<IReadOnlyList<FreeTextAnswer>> ListAsync(Guid programmeId, bool withOriginals, CancellationToken ct)
    {
        var rows = await (
            from a in db.Answers
            join r in db.Responses on a.ResponseId equals r.Id
            join w in db.Waves on r.WaveId equals w.Id
            join i in db.InstrumentItems on a.ItemId equals i.Id
            join e in db.Enrolments on r.EnrolmentId equals e.Id
            where w.ProgrammeId == programmeId && r.Status == ResponseStatus.Submitted
                && (i.Type == ItemType.FreeText || i.Type == ItemType.YesNo)
                && a.Text != null && a.Text != ""
                && !(e.Status == EnrolmentStatus.Withdrawn && e.WithdrawalChoice == WithdrawalChoice.Erase)
            select new
            {
                a.Id, a.Text, i.Key, i.Type, QuestionText = i.Text, i.FollowUpText, w.Stage, e.ParticipantCode, e.Role, EnrolmentId = e.Id,
                Redaction = db.AnswerRedactions.FirstOrDefault(x => x.AnswerId == a.Id),
            }).ToListAsync(ct);

        var enrolmentIds = rows.Select(r => r.EnrolmentId).Distinct().ToList();
        var decisions = (await db.ConsentDecisions.Where(d => enrolmentIds.Contains(d.EnrolmentId)).ToListAsync(ct)).ToLookup(d => d.EnrolmentId);

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
        return list.OrderBy(a => a.Stage).ThenBy(a => a.QuestionKey, StringComparer.Ordinal).ThenBy(a => a.ParticipantCode, StringComparer.Ordinal).ToList();
    }

    /// <summary>One answer by id, or null when it is not one the programme's researchers may see (which pages turn into 404).</summary>
    public async Task<FreeTextAnswer?> FindAsync(Guid programmeId, Guid answerId, bool withOriginals, CancellationToken ct) =>
        (await ListAsync(programmeId, withOriginals, ct)).FirstOrDefault(a => a.AnswerId == answerId);

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
