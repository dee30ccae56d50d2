using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Pages.Questionnaires;

/// <summary>Adds a programme's built-in questionnaires as closed waves, skipping any audience and stage it already has.</summary>
public static class BuiltInWaves
{
    public static async Task<int> AddAsync(UpwardDbContext db, Programme programme, CancellationToken ct)
    {
        var existing = await db.Waves.Where(w => w.ProgrammeId == programme.Id).Select(w => new { w.Audience, w.Stage }).ToListAsync(ct);
        var added = 0;
        foreach (var builtIn in BuiltInInstruments.For(programme.Type))
        {
            if (existing.Any(w => w.Audience == builtIn.Audience && w.Stage == builtIn.Stage))
            {
                continue;
            }
            var instrument = builtIn.CreateFor(programme.Id);
            db.Instruments.Add(instrument);
            db.Waves.Add(new Wave { ProgrammeId = programme.Id, InstrumentId = instrument.Id, Audience = builtIn.Audience, Stage = builtIn.Stage });
            added++;
        }
        return added;
    }
}
