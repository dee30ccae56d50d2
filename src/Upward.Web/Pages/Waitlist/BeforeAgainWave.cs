using Microsoft.EntityFrameworkCore;
using Upward.Core.Evaluation;
using Upward.Core.Programmes;
using Upward.Core.Questionnaires;
using Upward.Data;

namespace Upward.Web.Pages.Waitlist;

/// <summary>
/// The second before-questionnaire of those who wait (a waitlist's later arm, a stepped wedge's later
/// steps): the same questions as the mentees' before questionnaire of the primary outcome, as a
/// questionnaire of its own (so its answers are told apart in the bundle), closed until the timeline opens it
/// (<see cref="BeforeAgainTimeline"/> gives it dates from the design) or the coordinator does by hand.
/// </summary>
public static class BeforeAgainWave
{
    /// <summary>The mentees' questionnaire the primary outcome starts from, or why there is none yet.</summary>
    public static async Task<(Wave? Before, string? Problem)> FindBeforeAsync(UpwardDbContext db, Guid programmeId, AnalysisPlan plan, CancellationToken ct)
    {
        var stage = Enum.Parse<Stage>(plan.Primary.From.ToString());
        var before = await db.Waves.SingleOrDefaultAsync(w => w.ProgrammeId == programmeId && w.Audience == ProgrammeRole.Mentee && w.Stage == stage, ct);
        return before is null
            ? (null, $"The mentees' questionnaire for “{StageNames.Of(stage)}” does not exist yet: add the questionnaires first")
            : (before, null);
    }

    /// <summary>Adds the questionnaire "Before, again" with the before questionnaire's questions, unless the programme has it.</summary>
    public static async Task AddAsync(UpwardDbContext db, Guid programmeId, Wave before, DateTime now, CancellationToken ct)
    {
        if (await db.Waves.AnyAsync(w => w.ProgrammeId == programmeId && w.Audience == ProgrammeRole.Mentee && w.Stage == Stage.BeforeAgain, ct)) return;
        var instrument = await db.Instruments.Include(i => i.Items).SingleAsync(i => i.Id == before.InstrumentId, ct);
        var again = instrument.CopyAs($"{instrument.Key}-again", $"{instrument.Title}: again, at the end of waiting");
        db.Instruments.Add(again);
        db.Waves.Add(new Wave { ProgrammeId = programmeId, InstrumentId = again.Id, Audience = ProgrammeRole.Mentee, Stage = Stage.BeforeAgain, CreatedAtUtc = now });
    }
}
