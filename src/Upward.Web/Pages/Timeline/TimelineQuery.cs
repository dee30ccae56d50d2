using Microsoft.EntityFrameworkCore;
using Upward.Core.Programmes;
using Upward.Core.Timeline;
using Upward.Data;
using Upward.Data.Evaluation;

namespace Upward.Web.Pages.Timeline;

/// <summary>A programme's steps in its method's order, each with the dates set for it (or none yet).</summary>
public static class TimelineQuery
{
    public static async Task<IReadOnlyList<TimelineEntry>> StepsAsync(UpwardDbContext db, Programme programme, CancellationToken ct)
    {
        var saved = await db.TimelineEntries.Where(t => t.ProgrammeId == programme.Id).ToListAsync(ct);
        return (await ForAsync(db, programme, ct))
            .Select(step => saved.FirstOrDefault(t => t.Step == step) ?? new TimelineEntry { ProgrammeId = programme.Id, Step = step })
            .ToList();
    }

    /// <summary>The programme's steps: its template's, with "Before, again" when its plan's design has people wait.</summary>
    public static async Task<IReadOnlyList<TimelineStep>> ForAsync(UpwardDbContext db, Programme programme, CancellationToken ct)
    {
        var plan = (await db.CurrentAsync(programme, ct)).Plan;
        return TimelineSteps.For(ProgrammeTemplate.For(programme.Type).Phases, plan.IsWaitlist || plan.IsSteppedWedge);
    }
}
