using Microsoft.EntityFrameworkCore;
using Upward.Core.Sessions;

namespace Upward.Web.Tests.Infrastructure;

/// <summary>Real ids of the demo programme for every route value a programme page takes, so a tampered request names something that exists.</summary>
public static class DemoRouteValues
{
    /// <summary>The demo programme's ids by route parameter name, with an active pairing made first if there is none.</summary>
    public static async Task<(Dictionary<string, string> Values, Pairing Pairing)> ForAsync(UpwardFactory factory)
    {
        var id = await factory.ProgrammeIdAsync();
        var pairing = await factory.WithDbAsync(db => db.Pairings.FirstOrDefaultAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Active));
        if (pairing is null)
        {
            var coordinator = await factory.AsAsync("coordinator");
            await coordinator.SubmitAsync($"/programmes/{id}/allocation?Mode=Random&Seed=7",
                new Dictionary<string, string> { ["Mode"] = "Random", ["Seed"] = "7" }, $"/programmes/{id}/allocation?handler=Confirm");
            pairing = await factory.WithDbAsync(db => db.Pairings.FirstAsync(p => p.ProgrammeId == id && p.Status == PairingStatus.Active));
        }
        var values = await factory.WithDbAsync(async db =>
        {
            var wave = await db.Waves.Where(w => w.ProgrammeId == id).FirstAsync();
            var item = await db.InstrumentItems.Where(i => i.InstrumentId == wave.InstrumentId).OrderBy(i => i.Key).FirstAsync();
            var answer = await db.Answers.Where(a => db.Responses.Any(r => r.Id == a.ResponseId && db.Waves.Any(w => w.Id == r.WaveId && w.ProgrammeId == id)))
                .Select(a => (Guid?)a.Id).FirstOrDefaultAsync();
            var theme = await db.Themes.Where(t => t.ProgrammeId == id).Select(t => (Guid?)t.Id).FirstOrDefaultAsync();
            return new Dictionary<string, string>
            {
                ["programmeId"] = id.ToString(), ["menteeId"] = pairing.MenteeEnrolmentId.ToString(), ["pairingId"] = pairing.Id.ToString(),
                ["waveId"] = wave.Id.ToString(), ["instrumentId"] = wave.InstrumentId.ToString(), ["itemKey"] = item.Key,
                ["answerId"] = (answer ?? Guid.NewGuid()).ToString(), ["themeId"] = (theme ?? Guid.NewGuid()).ToString(), ["file"] = "answers.csv", ["step"] = "Allocation", ["kind"] = "AnswerReminder",
                ["key"] = Upward.Core.Preparation.BuiltInModules.All[0].Key,
            };
        });
        return (values, pairing);
    }
}
