using Microsoft.EntityFrameworkCore;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>Saves one page's answers over whatever the draft held for that item.</summary>
public static class AnswerStore
{
    /// <summary>
    /// Writes the page's answers. The same person saving the same page twice at once (two tabs, a
    /// double tap) makes the database refuse the second insert (one row per response, item and
    /// domain); the loser re-reads and writes over the winner, so the later save stands and no row is doubled.
    /// </summary>
    /// <returns>False when the response was sent meanwhile (from another tab or device), in which case nothing was written.</returns>
    public static async Task<bool> SaveAsync(UpwardDbContext db, Questionnaire questionnaire, InstrumentItem item, IReadOnlyList<AnswerValue> values, CancellationToken ct)
    {
        var response = await ResponseAsync(db, questionnaire, ct);
        var existing = response == questionnaire.Response ? questionnaire.AnswersTo(item).ToList() : await ReadAsync(db, response, item, ct);
        for (var attempt = 1; ; attempt++)
        {
            Apply(db, response, item, existing, values);
            try
            {
                await db.SaveChangesAsync(ct);
                return true;
            }
            catch (DbUpdateConcurrencyException)
            {
                return false;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                foreach (var entry in db.ChangeTracker.Entries<Answer>().ToList())
                {
                    entry.State = EntityState.Detached;
                }
                existing = await ReadAsync(db, response, item, ct);
            }
        }
    }

    private static void Apply(UpwardDbContext db, Response response, InstrumentItem item, List<Answer> existing, IReadOnlyList<AnswerValue> values)
    {
        var left = new List<Answer>(existing);
        foreach (var value in values)
        {
            var row = left.FirstOrDefault(a => a.DomainId == value.DomainId);
            if (row is null)
            {
                db.Answers.Add(new Answer { ResponseId = response.Id, ItemId = item.Id, DomainId = value.DomainId, Number = value.Number, Text = value.Text });
            }
            else
            {
                row.Number = value.Number;
                row.Text = value.Text;
                left.Remove(row);
            }
        }
        // What is left was answered before and is now blank (an optional item cleared).
        db.Answers.RemoveRange(left);
        response.UpdatedAtUtc = DateTime.UtcNow;
    }

    private static Task<List<Answer>> ReadAsync(UpwardDbContext db, Response response, InstrumentItem item, CancellationToken ct) =>
        db.Answers.Where(a => a.ResponseId == response.Id && a.ItemId == item.Id).ToListAsync(ct);

    private static async Task<Response> ResponseAsync(UpwardDbContext db, Questionnaire questionnaire, CancellationToken ct)
    {
        if (questionnaire.Response is { } existing)
        {
            return existing;
        }
        var response = new Response { WaveId = questionnaire.Wave.Id, EnrolmentId = questionnaire.Enrolment.Id, InstrumentId = questionnaire.Instrument.Id };
        db.Responses.Add(response);
        try
        {
            await db.SaveChangesAsync(ct);
            return response;
        }
        catch (DbUpdateException)
        {
            // The same person's other tab or device started the response a moment ago: use that one.
            db.Entry(response).State = EntityState.Detached;
            return await db.Responses.SingleAsync(r => r.WaveId == questionnaire.Wave.Id && r.EnrolmentId == questionnaire.Enrolment.Id, ct);
        }
    }
}
