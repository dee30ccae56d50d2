using Microsoft.EntityFrameworkCore;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>Rewording a question: in place until the first answer, as a new version after it.</summary>
public static class InstrumentVersions
{
    public static Task<bool> HasAnswersAsync(UpwardDbContext db, Guid instrumentId, CancellationToken ct) =>
        db.Answers.AnyAsync(a => db.InstrumentItems.Any(i => i.Id == a.ItemId && i.InstrumentId == instrumentId), ct);

    /// <summary>
    /// Changes an item's wording and returns the version that now holds it. Waves asking the old
    /// version move to the new one; drafts follow when next opened, submitted answers never do.
    /// </summary>
    public static async Task<Instrument> RewordAsync(UpwardDbContext db, Instrument instrument, string itemKey, string text, string? hint, CancellationToken ct)
    {
        var target = instrument;
        if (await HasAnswersAsync(db, instrument.Id, ct))
        {
            target = instrument.NextVersion();
            db.Instruments.Add(target);
            foreach (var wave in await db.Waves.Where(w => w.InstrumentId == instrument.Id).ToListAsync(ct))
            {
                wave.InstrumentId = target.Id;
            }
        }
        var item = target.Items.Single(i => i.Key == itemKey);
        item.Text = text;
        item.Hint = hint;
        await db.SaveChangesAsync(ct);
        return target;
    }
}
