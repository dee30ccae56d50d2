using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Upward.Data;

namespace Upward.Web.Scheduling;

/// <summary>
/// Healthy while some instance has finished a scheduled run lately: a scheduler that has stopped on every
/// instance means no questionnaire opens and no reminder goes, which nothing else would show.
/// </summary>
public sealed class SchedulerHeartbeat(UpwardDbContext db, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Stale = TimeSpan.FromMinutes(10);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        var last = await db.SchedulerLeases.MaxAsync(l => l.LastRunAtUtc, ct);
        if (last is null) return HealthCheckResult.Degraded("No scheduled job has run yet.");
        var age = clock.GetUtcNow().UtcDateTime - last.Value;
        return age <= Stale
            ? HealthCheckResult.Healthy($"Last scheduled run {age.TotalSeconds:0} seconds ago.")
            : HealthCheckResult.Unhealthy($"No scheduled job has finished for {age.TotalMinutes:0} minutes.");
    }
}
