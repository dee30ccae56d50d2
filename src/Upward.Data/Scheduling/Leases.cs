using Microsoft.EntityFrameworkCore;

namespace Upward.Data.Scheduling;

/// <summary>Takes, renews and gives back <see cref="SchedulerLease"/>s with single statements, so two instances never both hold one.</summary>
public static class Leases
{
    /// <summary>
    /// Takes the lease of <paramref name="job"/> for <paramref name="holder"/> until <paramref name="untilUtc"/> if the job is due:
    /// nobody holds it, and the wait set when it was last given back has passed.
    /// </summary>
    public static async Task<bool> TryTakeAsync(this UpwardDbContext db, string job, string holder, DateTime nowUtc, DateTime untilUtc, CancellationToken ct)
    {
        // First run of a job on this database: make its row; a second instance doing the same at once adds nothing.
        await db.UpsertAsync([new SchedulerLease { Job = job, HeldUntilUtc = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc) }], l => l.Job, null, ct);
        var taken = await db.Set<SchedulerLease>()
            .Where(l => l.Job == job && l.HeldUntilUtc <= nowUtc)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.HeldUntilUtc, untilUtc), ct);
        return taken == 1;
    }

    /// <summary>Gives the lease back after a run, records when it finished, and keeps every instance off the job until its next run is due.</summary>
    public static Task ReleaseAsync(this UpwardDbContext db, string job, string holder, DateTime nowUtc, TimeSpan untilNextRun, CancellationToken ct) =>
        db.Set<SchedulerLease>().Where(l => l.Job == job && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.HeldUntilUtc, nowUtc + untilNextRun).SetProperty(l => l.LastRunAtUtc, nowUtc), ct);
}
