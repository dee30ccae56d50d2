using Microsoft.EntityFrameworkCore;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>Saves one page's answers over whatever the draft held for that item.</summary>
public static class AnswerStore
{
    /// <summary>
    /// Writes the page's answers in one transaction that cannot lose a race: the response is started
    /// with an insert that does nothing if another tab started it first, its row is then held while
    /// the answers are upserted, so two saves of the same page (two tabs, a double tap) take turns,
    /// the later one stands, and no answer is doubled or refused.
    /// </summary>
    /// <returns>False when the response was sent meanwhile (from another tab or device), in which case nothing was written.</returns>
    public static Task<bool> SaveAsync(UpwardDbContext db, Questionnaire questionnaire, InstrumentItem item, IReadOnlyList<AnswerValue> values, DateTime nowUtc, CancellationToken ct) =>
        db.WriteAtomicallyAsync(async ct =>
        {
            var responseId = questionnaire.Response?.Id ?? await StartAsync(db, questionnaire, nowUtc, ct);
            // Only a draft takes answers. On PostgreSQL this update also holds the response's row until
            // commit, so a racing save or send of the same response waits for this one to finish.
            var now = nowUtc;
            var draft = await db.Responses
                .Where(r => r.Id == responseId && r.Status == ResponseStatus.Draft)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.UpdatedAtUtc, now), ct);
            if (draft == 0)
            {
                return false;
            }
            var rows = values
                .Select(v => new Answer { ResponseId = responseId, ItemId = item.Id, DomainId = v.DomainId, Number = v.Number, Text = v.Text })
                .OrderBy(a => a.DomainId);
            await db.UpsertAsync(rows, a => new { a.ResponseId, a.ItemId, a.DomainId }, a => new { a.Number, a.Text }, ct);
            // What was answered before and is now blank (an optional item cleared, a grid's domain left out) goes.
            // Only a grid holds more than one answer to an item, so an item whose one answer was just written
            // has nothing left to remove: one statement fewer on most saves.
            if (item.Type == ItemType.DomainGrid || values.Count != 1)
            {
                var kept = values.Select(v => v.DomainId).ToList();
                await db.Answers.Where(a => a.ResponseId == responseId && a.ItemId == item.Id && !kept.Contains(a.DomainId)).ExecuteDeleteAsync(ct);
            }
            return true;
        }, ct);

    /// <summary>Starts the participant's response, or finds the one their other tab or device started a moment ago.</summary>
    private static async Task<Guid> StartAsync(UpwardDbContext db, Questionnaire questionnaire, DateTime nowUtc, CancellationToken ct)
    {
        var response = new Response { WaveId = questionnaire.Wave.Id, EnrolmentId = questionnaire.Enrolment.Id, InstrumentId = questionnaire.Instrument.Id, StartedAtUtc = nowUtc, UpdatedAtUtc = nowUtc };
        await db.UpsertAsync([response], r => new { r.WaveId, r.EnrolmentId }, update: null, ct);
        return await db.Responses.Where(r => r.WaveId == questionnaire.Wave.Id && r.EnrolmentId == questionnaire.Enrolment.Id).Select(r => r.Id).SingleAsync(ct);
    }
}
