using Microsoft.EntityFrameworkCore;
using Upward.Core.Auditing;
using Upward.Core.Designs;
using Upward.Core.Evaluation;
using Upward.Core.Timeline;
using Upward.Data;
using Upward.Web.Pages.Notifications;
using Upward.Web.Scheduling;

namespace Upward.Web.Pages.Waitlist;

/// <summary>Starting a stepped wedge's step: the one place it happens, by the coordinator or on its date.</summary>
public static class SteppedWedgeSteps
{
    /// <summary>Marks the step started and audits it (subject "step N"); the caller saves.</summary>
    public static void Start(UpwardDbContext db, DesignStep step, DateTime now, string by, Guid? userId, Guid organisationId)
    {
        step.StartedAtUtc = now;
        step.StartedBy = by;
        db.Audit(AuditAction.SteppedWedgeStepStarted, userId, organisationId, step.ProgrammeId, $"step {step.Number}",
            by == "schedule" ? $"on its date, {step.StartsOn:yyyy-MM-dd}" : $"by the coordinator; planned for {step.StartsOn:yyyy-MM-dd}");
    }
}

/// <summary>
/// Starts each released stepped wedge's steps on their dates, at 9am in the programme's time zone (when
/// the timeline opens questionnaires), in order and once each: a step the coordinator started earlier
/// is left as it is, and a schedule not yet told to the mentees starts nothing.
/// </summary>
public sealed class SteppedWedgeJob(UpwardDbContext db, TimeProvider clock, NotificationQueue queue, Upward.Web.Programmes.PageLinks pages) : IScheduledJob
{
    public string Name => "stepped-wedge.start-steps";
    public TimeSpan Every => TimeSpan.FromMinutes(1);

    public Task RunAsync(CancellationToken ct) => db.WriteAtomicallyAsync(async ct =>
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await (from s in db.DesignSteps
                             join a in db.WaitlistAllocations on s.ProgrammeId equals a.ProgrammeId
                             join p in db.Programmes on s.ProgrammeId equals p.Id
                             where s.StartedAtUtc == null && a.ReleasedAtUtc != null && a.Design == AnalysisPlan.SteppedWedge
                             select new { Step = s, Programme = p })
            .ToListAsync(ct);
        var due = pending.OrderBy(x => x.Step.Number)
            .Where(x => LocalTimes.ToUtc(x.Step.StartsOn, LocalTimes.OpeningHour, LocalTimes.Zone(x.Programme.TimeZone)) <= now)
            .ToList();
        // The coordinator's start takes the programme's lock; so does this, and then reads the steps again, so a
        // step started by hand a moment ago is not started (and audited) a second time. Locked in id order, so two
        // writers that each lock several programmes cannot wait on each other.
        foreach (var programmeId in due.Select(x => x.Programme.Id).Distinct().Order())
        {
            await db.LockAsync<Upward.Core.Programmes.Programme>(programmeId, ct);
        }
        foreach (var x in due)
        {
            await db.Entry(x.Step).ReloadAsync(ct);
        }
        due = due.Where(x => x.Step.StartedAtUtc is null).ToList();
        foreach (var d in due) SteppedWedgeSteps.Start(db, d.Step, now, "schedule", null, d.Programme.OrganisationId);
        await db.SaveChangesAsync(ct);
        // In the same transaction, those whose waiting ended are told; the keys tell a step's mentees once, whichever run gets here.
        foreach (var d in due.Where(x => x.Step.Number > 1))
        {
            await StartNotices.StartedAsync(db, queue, pages, d.Programme, d.Step.Number, ct);
        }
        return true;
    }, ct);
}
