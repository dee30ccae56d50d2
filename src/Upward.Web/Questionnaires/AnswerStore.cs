using Microsoft.EntityFrameworkCore;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Questionnaires;

/// <summary>Saves one page's answers over whatever the draft held for that item.</summary>
public static class AnswerStore
{
    public static async Task SaveAsync(UpwardDbContext db, Questionnaire questionnaire, InstrumentItem item, IReadOnlyList<AnswerValue> values, CancellationToken ct)
    {
        var response = questionnaire.Response;
        if (response is null)
        {
            response = new Response { WaveId = questionnaire.Wave.Id, EnrolmentId = questionnaire.Enrolment.Id, InstrumentId = questionnaire.Instrument.Id };
            db.Responses.Add(response);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // The same person's other tab or device started the response a moment ago: use that one.
                db.Entry(response).State = EntityState.Detached;
                response = await db.Responses.SingleAsync(r => r.WaveId == questionnaire.Wave.Id && r.EnrolmentId == questionnaire.Enrolment.Id, ct);
            }
        }
        // The draft's answers were loaded (and are tracked) with the questionnaire; a response just
        // found after a race has its own, so read those.
        var existing = response == questionnaire.Response
            ? questionnaire.AnswersTo(item).ToList()
            : await db.Answers.Where(a => a.ResponseId == response.Id && a.ItemId == item.Id).ToListAsync(ct);
        foreach (var value in values)
        {
            var row = existing.FirstOrDefault(a => a.DomainId == value.DomainId);
            if (row is null)
            {
                db.Answers.Add(new Answer { ResponseId = response.Id, ItemId = item.Id, DomainId = value.DomainId, Number = value.Number, Text = value.Text });
            }
            else
            {
                row.Number = value.Number;
                row.Text = value.Text;
                existing.Remove(row);
            }
        }
        // What is left was answered before and is now blank (an optional item cleared).
        db.Answers.RemoveRange(existing);
        response.UpdatedAtUtc = DateTime.UtcNow;
        await db.SaveChangesAsync(ct);
    }
}
