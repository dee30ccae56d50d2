using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Timeline;
using Upward.Data;
using Upward.Web.Pages.Notifications;
using Upward.Web.Scheduling;

namespace Upward.Web.Pages.Timeline;

/// <summary>
/// Opens each step's questionnaires on its first day and closes them at the end of its last, once each:
/// a coordinator who closes or reopens them by hand afterwards is not overruled.
/// </summary>
public sealed class TimelineJob(UpwardDbContext db, QuestionnaireNotices notices, TimeProvider clock) : IScheduledJob
{
    public string Name => "timeline.open-and-close";
    public TimeSpan Every => TimeSpan.FromMinutes(1);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.TimelineEntries
            .Where(t => (t.StartsOn != null && t.OpenedByTimelineAtUtc == null) || (t.EndsOn != null && t.ClosedByTimelineAtUtc == null))
            .ToListAsync(ct);
        foreach (var entry in pending.Where(e => TimelineSteps.StageOf(e.Step) is not null))
        {
            var programme = await db.Programmes.SingleAsync(p => p.Id == entry.ProgrammeId, ct);
            var zone = LocalTimes.Zone(programme.TimeZone);
            var stage = TimelineSteps.StageOf(entry.Step)!.Value;
            if (entry.IsDueToOpen(now, zone))
            {
                var waves = await db.Waves.Where(w => w.ProgrammeId == programme.Id && w.Stage == stage).ToListAsync(ct);
                foreach (var wave in waves) wave.Open(now);
                entry.OpenedByTimelineAtUtc = now;
                db.Audit(AuditAction.TimelineOpened, null, programme.OrganisationId, programme.Id, entry.Step.ToString(), $"{waves.Count} questionnaires opened");
                await db.SaveChangesAsync(ct);
                foreach (var wave in waves) await notices.OpenedAsync(programme, wave, ct);
            }
            else if (entry.IsDueToClose(now, zone))
            {
                var waves = await db.Waves.Where(w => w.ProgrammeId == programme.Id && w.Stage == stage && w.IsOpen).ToListAsync(ct);
                foreach (var wave in waves) wave.Close(now);
                entry.ClosedByTimelineAtUtc = now;
                // A step whose dates both passed before the scheduler saw it is not opened afterwards.
                entry.OpenedByTimelineAtUtc ??= now;
                db.Audit(AuditAction.TimelineClosed, null, programme.OrganisationId, programme.Id, entry.Step.ToString(), $"{waves.Count} questionnaires closed");
                await db.SaveChangesAsync(ct);
            }
        }
    }
}
